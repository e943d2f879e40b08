package dev.emporium.platform.ratelimit;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emporium.support.IntegrationTest;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Rate limiting with buckets in this instance's memory (no Redis configured), over real HTTP. */
@IntegrationTest
@Import({RateLimitTest.ProbeController.class, RateLimitTest.TestCallers.class})
@TestPropertySource(properties = {
    "emporium.rate-limit.trusted-proxies=127.0.0.1",
    "emporium.rate-limit.plans.anonymous.capacity=5",
    "emporium.rate-limit.plans.anonymous.period=1d",
    "emporium.rate-limit.plans.customer.capacity=4",
    "emporium.rate-limit.plans.customer.period=1d",
    "emporium.rate-limit.plans.staff.capacity=6",
    "emporium.rate-limit.plans.staff.period=1d",
    "emporium.rate-limit.plans.partner.capacity=7",
    "emporium.rate-limit.plans.partner.period=1d",
    "emporium.rate-limit.plans.auth.capacity=3",
    "emporium.rate-limit.plans.auth.period=1d",
    "emporium.rate-limit.plans.tiny.capacity=2",
    "emporium.rate-limit.plans.tiny.period=1d",
    "emporium.rate-limit.routes[0].pattern=/probe/auth/**",
    "emporium.rate-limit.routes[0].plan=auth"
})
class RateLimitTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    RateLimiter rateLimiter;

    @RestController
    static class ProbeController {
        private final RateLimiter rateLimiter;

        ProbeController(RateLimiter rateLimiter) {
            this.rateLimiter = rateLimiter;
        }

        @GetMapping("/probe/auth/login")
        String login() {
            return "signed in";
        }

        /** What a module does for a limit of its own: ask, and throw when refused. */
        @GetMapping("/probe/account-limit")
        String accountLimit(@RequestParam String account) {
            RateLimitDecision decision = rateLimiter.tryConsume("account:" + account, "tiny");
            if (!decision.allowed()) {
                throw new RateLimitExceededException(decision);
            }
            return "attempted";
        }
    }

    /** A partner's credential as identity's API keys will be: the principal names its own bucket. */
    record ApiKeyPrincipal(String id, String plan) implements RateLimitedClient {
        @Override
        public String rateLimitKey() {
            return "apikey:" + id;
        }

        @Override
        public String rateLimitPlan() {
            return plan;
        }
    }

    /**
     * Stands in for a signed-in caller: between Spring Security and the rate-limit filter, it puts the caller named by
     * {@code X-Test-Caller} into the security context, as a bearer token or an API key would have.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestCallers {
        @Bean
        FilterRegistrationBean<Filter> testCallerFilter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                String caller = ((HttpServletRequest) request).getHeader("X-Test-Caller");
                if (caller == null) {
                    chain.doFilter(request, response);
                    return;
                }
                var previous = SecurityContextHolder.getContext();
                SecurityContextHolder.setContext(new SecurityContextImpl(authenticationOf(caller)));
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.setContext(previous);
                }
            });
            registration.setOrder(RateLimitFilter.ORDER - 1);
            return registration;
        }

        private static Authentication authenticationOf(String caller) {
            String[] parts = caller.split(":");
            return switch (parts[0]) {
                case "customer" -> UsernamePasswordAuthenticationToken.authenticated(parts[1], null,
                        List.of(new SimpleGrantedAuthority("ROLE_customer")));
                case "staff" -> UsernamePasswordAuthenticationToken.authenticated(parts[1], null,
                        List.of(new SimpleGrantedAuthority("ROLE_customer"), new SimpleGrantedAuthority("ROLE_catalog_manager")));
                case "apikey" -> UsernamePasswordAuthenticationToken.authenticated(new ApiKeyPrincipal(parts[1], parts[2]), null, List.of());
                default -> throw new IllegalArgumentException(caller);
            };
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A client address of its own for each use, so no two tests share a bucket. */
    private static String newClientAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    private static long header(HttpResponse<String> response, String name) {
        return Long.parseLong(response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header")));
    }

    @Test
    void everyResponseCarriesRateLimitHeaders() {
        HttpResponse<String> response = get(url("/api/data"), "X-Forwarded-For", newClientAddress());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "RateLimit-Limit")).isEqualTo(5);
        assertThat(header(response, "RateLimit-Remaining")).isEqualTo(4);
        // One token of five gone, refilled over a day: full again within the day, not yet.
        assertThat(header(response, "RateLimit-Reset")).isBetween(1L, 86_400L);

        HttpResponse<String> notFound = get(url("/no-such-route"), "X-Forwarded-For", newClientAddress());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(header(notFound, "RateLimit-Remaining")).isEqualTo(4);
    }

    @Test
    void anonymousLimitExhaustedIs429ProblemWithRetryAfter() {
        String client = newClientAddress();
        for (long expectedRemaining = 4; expectedRemaining >= 0; expectedRemaining--) {
            HttpResponse<String> allowed = get(url("/api/data"), "X-Forwarded-For", client);
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(header(allowed, "RateLimit-Remaining")).isEqualTo(expectedRemaining);
        }

        HttpResponse<String> refused = get(url("/api/data"), "X-Forwarded-For", client);

        JsonNode problem = assertRateLimitedProblem(refused, "/api/data");
        assertThat(header(refused, "RateLimit-Limit")).isEqualTo(5);
        assertThat(header(refused, "RateLimit-Remaining")).isZero();
        assertThat(header(refused, "Retry-After")).isEqualTo(header(refused, "RateLimit-Reset")).isBetween(1L, 86_400L);
        assertThat(problem.path("detail").asString()).contains("5 requests");
        assertThat(get(url("/api/data"), "X-Forwarded-For", newClientAddress()).statusCode()).isEqualTo(200);

        assertThat(get(management("/prometheus")).body())
                .containsPattern("emporium_ratelimit_rejections_total\\{[^}]*key_type=\"ip\"[^}]*plan=\"anonymous\"[^}]*} [1-9]");
    }

    @Test
    void trustedProxyForwardedForIsHonouredOnlyFromTrustedPeers() throws Exception {
        String client = newClientAddress();
        String other = newClientAddress();
        // From 127.0.0.1, a trusted proxy: each forwarded client has its own bucket.
        assertThat(remainingAfter(get(url("/api/data"), "X-Forwarded-For", client))).isEqualTo(4);
        assertThat(remainingAfter(get(url("/api/data"), "X-Forwarded-For", client))).isEqualTo(3);
        assertThat(remainingAfter(get(url("/api/data"), "X-Forwarded-For", other))).isEqualTo(4);
        // The right-most address that is not a trusted proxy counts; what the client wrote left of it does not.
        assertThat(remainingAfter(get(url("/api/data"), "X-Forwarded-For", "203.0.113.99, " + client))).isEqualTo(2);
        assertThat(remainingAfter(get(url("/api/data"), "X-Forwarded-For", "203.0.113.98, " + client + ", 127.0.0.1")))
                .isEqualTo(1);

        // From 127.0.0.2, not trusted: its X-Forwarded-For is ignored and every request counts against 127.0.0.2.
        HttpClient untrustedPeer = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
        assertThat(remainingAfter(send(untrustedPeer, "/api/data", newClientAddress()))).isEqualTo(4);
        assertThat(remainingAfter(send(untrustedPeer, "/api/data", newClientAddress()))).isEqualTo(3);
        assertThat(remainingAfter(send(untrustedPeer, "/api/data", client))).isEqualTo(2);
    }

    @Test
    void routeWithItsOwnPlanIsCountedPerAddressInItsOwnBucket() {
        String client = newClientAddress();
        for (long expectedRemaining = 2; expectedRemaining >= 0; expectedRemaining--) {
            HttpResponse<String> allowed = get(url("/probe/auth/login"), "X-Forwarded-For", client);
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(header(allowed, "RateLimit-Limit")).isEqualTo(3);
            assertThat(header(allowed, "RateLimit-Remaining")).isEqualTo(expectedRemaining);
        }
        // Percent-encoding a letter does not dodge the route's plan: the decoded path is matched.
        assertRateLimitedProblem(get(url("/probe/auth/logi%6E"), "X-Forwarded-For", client), "/probe/auth/logi");
        assertThat(get(url("/probe/auth/login"), "X-Forwarded-For", client, "X-Test-Caller", "customer:" + UUID.randomUUID())
                .statusCode()).as("a route's plan applies to signed-in callers too").isEqualTo(429);

        // The address's general bucket is untouched by the sign-in attempts.
        HttpResponse<String> elsewhere = get(url("/api/data"), "X-Forwarded-For", client);
        assertThat(elsewhere.statusCode()).isEqualTo(200);
        assertThat(header(elsewhere, "RateLimit-Limit")).isEqualTo(5);
        assertThat(header(elsewhere, "RateLimit-Remaining")).isEqualTo(4);
    }

    @Test
    void signedInCallersAreCountedPerUserOrKeyUnderTheirPlan() {
        String client = newClientAddress();
        String alice = "customer:" + UUID.randomUUID();
        HttpResponse<String> customer = get(url("/api/data"), "X-Forwarded-For", client, "X-Test-Caller", alice);
        assertThat(header(customer, "RateLimit-Limit")).isEqualTo(4);
        assertThat(header(customer, "RateLimit-Remaining")).isEqualTo(3);
        // Another address, the same user: the same bucket.
        assertThat(remainingAfter(get(url("/api/data"), "X-Forwarded-For", newClientAddress(), "X-Test-Caller", alice)))
                .isEqualTo(2);
        // The address's own bucket was not touched.
        assertThat(remainingAfter(get(url("/api/data"), "X-Forwarded-For", client))).isEqualTo(4);

        HttpResponse<String> staff = get(url("/api/data"), "X-Test-Caller", "staff:" + UUID.randomUUID());
        assertThat(header(staff, "RateLimit-Limit")).isEqualTo(6);

        String key = "apikey:" + UUID.randomUUID() + ":partner";
        assertThat(header(get(url("/api/data"), "X-Test-Caller", key), "RateLimit-Limit")).isEqualTo(7);
        assertThat(remainingAfter(get(url("/api/data"), "X-Test-Caller", key))).isEqualTo(5);
        // A key whose plan is not configured gets the smallest default, never no limit.
        assertThat(header(get(url("/api/data"), "X-Test-Caller", "apikey:" + UUID.randomUUID() + ":gold"), "RateLimit-Limit"))
                .isEqualTo(5);
    }

    @Test
    void limitCheckedByAModuleIs429ProblemWithThatLimitsHeaders() {
        String account = UUID.randomUUID().toString();
        String client = newClientAddress();
        assertThat(get(url("/probe/account-limit?account=" + account), "X-Forwarded-For", client).statusCode()).isEqualTo(200);
        assertThat(get(url("/probe/account-limit?account=" + account), "X-Forwarded-For", newClientAddress()).statusCode())
                .isEqualTo(200);

        HttpResponse<String> refused = get(url("/probe/account-limit?account=" + account), "X-Forwarded-For", client);

        assertRateLimitedProblem(refused, "/probe/account-limit");
        // The account's limit replaces the address's headers; it is not added next to them.
        assertThat(refused.headers().allValues("RateLimit-Limit")).containsExactly("2");
        assertThat(refused.headers().allValues("RateLimit-Remaining")).containsExactly("0");
        assertThat(header(refused, "Retry-After")).isBetween(1L, 86_400L);
        assertThat(get(management("/prometheus")).body())
                .containsPattern("emporium_ratelimit_rejections_total\\{[^}]*key_type=\"account\"[^}]*plan=\"tiny\"[^}]*} [1-9]");
    }

    @Test
    void unknownPlanIsRefusedLoudly() {
        assertThatThrownBy(() -> rateLimiter.tryConsume("user:someone", "no-such-plan"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-plan");
    }

    @Test
    void managementPortIsNotRateLimited() {
        // Exhaust the bucket of 127.0.0.1 itself (no X-Forwarded-For), then use the management port from there.
        HttpResponse<String> last = get(url("/api/data"));
        for (int attempt = 0; attempt < 10 && last.statusCode() == 200; attempt++) {
            last = get(url("/api/data"));
        }
        assertThat(last.statusCode()).isEqualTo(429);

        HttpResponse<String> health = get(management("/health/liveness"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("RateLimit-Limit")).isEmpty();
    }

    private String management(String path) {
        return "http://127.0.0.1:" + managementPort + "/actuator" + path;
    }

    private static long remainingAfter(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return header(response, "RateLimit-Remaining");
    }

    private HttpResponse<String> send(HttpClient client, String path, String forwardedFor) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).header("X-Forwarded-For", forwardedFor).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode assertRateLimitedProblem(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = json(response);
        assertThat(problem.path("type").asString()).isEqualTo("https://emporium.dev/problems/rate-limited");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("title").asString()).isEqualTo("Too Many Requests");
        assertThat(problem.path("detail").asString()).contains("retry in");
        assertThat(problem.path("instance").asString()).startsWith(path);
        assertThat(problem.path("requestId").asString()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        return problem;
    }
}

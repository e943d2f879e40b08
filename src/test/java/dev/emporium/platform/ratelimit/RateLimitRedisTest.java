package dev.emporium.platform.ratelimit;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emporium.platform.redis.RedisConnectionProperties;
import dev.emporium.platform.redis.RedisConnections;
import dev.emporium.support.Instances;
import dev.emporium.support.TcpProxy;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Buckets in the real Redis on 127.0.0.1:6379 ({@code ./emporium test} starts it), shared by whole application
 * instances started here; each test uses a key prefix of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class RateLimitRedisTest {

    private static final String REDIS_HOST = "127.0.0.1";
    private static final int REDIS_PORT = 6379;

    private final String keyPrefix = "emporium-test:" + UUID.randomUUID() + ":";
    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : started.reversed()) {
            closeable.close();
        }
        try (RedisClient redis = RedisClient.create("redis://" + REDIS_HOST + ":" + REDIS_PORT);
                StatefulRedisConnection<String, String> connection = redis.connect()) {
            List<String> keys = connection.sync().keys(keyPrefix + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        }
    }

    @Test
    void twoInstancesSharingOneRedisEnforceOneGlobalLimit() throws Exception {
        Instance first = start(REDIS_PORT, "fail-open", 15);
        Instance second = start(REDIS_PORT, "fail-open", 15);

        int burst = 40;
        List<Integer> statuses = allAtOnce(burst, i -> {
            Instance target = i % 2 == 0 ? first : second;
            return () -> get(target.url("/api/data")).statusCode();
        });
        Map<Integer, Long> counted = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(counted).containsOnly(Map.entry(200, 15L), Map.entry(429, 25L));
        // Both instances refused some: the limit is one, not one each.
        assertThat(first.rejections() + second.rejections()).isEqualTo(25);
        assertThat(first.rejections()).isPositive();
        assertThat(second.rejections()).isPositive();
        // One bucket in Redis for the client, and every key expires by itself.
        try (RedisClient redis = RedisClient.create("redis://" + REDIS_HOST + ":" + REDIS_PORT);
                StatefulRedisConnection<String, String> connection = redis.connect()) {
            List<String> keys = connection.sync().keys(keyPrefix + "*");
            assertThat(keys).filteredOn(key -> key.endsWith(":ip:127.0.0.1")).singleElement()
                    .satisfies(key -> assertThat(key).startsWith(keyPrefix + "anonymous:"));
            assertThat(keys).allSatisfy(key -> assertThat(connection.sync().pttl(key)).isPositive());
        }
    }

    @Test
    void manyConcurrentRequestsOnOneKeyTakeExactlyTheCapacity() throws Exception {
        int capacity = 50;
        int requests = 200;
        RateLimitPlans plans = plansWithAnonymous(capacity);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RedisRateLimiter limiter = limiter(plans, registry);

        List<RateLimitDecision> answered = allAtOnce(requests, i -> () -> limiter.tryConsume("ip:192.0.2.1", "anonymous"));

        List<RateLimitDecision> allowed = answered.stream().filter(RateLimitDecision::allowed).toList();
        assertThat(allowed).hasSize(capacity);
        // Each token was taken once: every count of tokens left was answered exactly once.
        assertThat(allowed).extracting(RateLimitDecision::remaining)
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, capacity).boxed().toList());
        assertThat(answered).filteredOn(decision -> !decision.allowed()).hasSize(requests - capacity)
                .allSatisfy(refused -> assertThat(refused.retryAfterSeconds()).isPositive());
        assertThat(registry.get("emporium.ratelimit.rejections").tag("plan", "anonymous").tag("key.type", "ip").counter().count())
                .isEqualTo(requests - capacity);
        assertThat(registry.get("emporium.ratelimit.redis.failures").counter().count()).isZero();
    }

    @Test
    void aCrowdOfClientsSharesCallsToRedisYetEachKeepsItsOwnLimit() throws Exception {
        int capacity = 3;
        int clients = 60;
        int requestsEach = 5;
        RedisRateLimiter limiter = limiter(plansWithAnonymous(capacity), new SimpleMeterRegistry());

        long scriptsBefore = scriptCalls();
        List<RateLimitDecision> answered = allAtOnce(clients * requestsEach,
                i -> () -> limiter.tryConsume("ip:198.51.100." + (i % clients), "anonymous"));
        long scripts = scriptCalls() - scriptsBefore;

        Map<Boolean, Long> counted = answered.stream()
                .collect(Collectors.partitioningBy(RateLimitDecision::allowed, Collectors.counting()));
        assertThat(counted).containsEntry(true, (long) clients * capacity)
                .containsEntry(false, (long) clients * (requestsEach - capacity));
        // Fewer calls than clients: batches span keys. Calls per key would take at least one a client (a plan this
        // small takes nothing ahead).
        assertThat(scripts).isLessThan(clients / 2);
        try (RedisClient redis = RedisClient.create("redis://" + REDIS_HOST + ":" + REDIS_PORT);
                StatefulRedisConnection<String, String> connection = redis.connect()) {
            assertThat(connection.sync().keys(keyPrefix + "*:ip:198.51.100.*")).hasSize(clients);
        }
    }

    @Test
    void aBusyKeyOfALargePlanIsServedFromTokensTakenAheadYetNeverBeyondTheSharedBucket() throws Exception {
        int capacity = 2_000; // a reserve of at most 20 tokens per instance
        RateLimitPlans plans = plansWithAnonymous(capacity);
        RedisRateLimiter first = limiter(plans, new SimpleMeterRegistry());
        RedisRateLimiter second = limiter(plans, new SimpleMeterRegistry());
        String client = "ip:192.0.2.2";

        long scriptsBefore = scriptCalls();
        int oneByOne = 400;
        for (int i = 0; i < oneByOne; i++) {
            assertThat(first.tryConsume(client, "anonymous").allowed()).isTrue();
        }
        // A call per request without the reserve; with it, one per up to 21 requests after the first two.
        assertThat(scriptCalls() - scriptsBefore).isLessThanOrEqualTo(oneByOne / 4);

        int burst = 3_000;
        List<RateLimitDecision> answered = allAtOnce(burst, i -> {
            RedisRateLimiter instance = i % 2 == 0 ? first : second;
            return () -> instance.tryConsume(client, "anonymous");
        });
        long allowed = oneByOne + answered.stream().filter(RateLimitDecision::allowed).count();

        // Never more than the shared bucket; fewer by at most what the two instances still hold.
        assertThat(allowed).isLessThanOrEqualTo(capacity).isGreaterThanOrEqualTo(capacity - 2 * capacity / 100);
        assertThat(answered).filteredOn(decision -> !decision.allowed())
                .allSatisfy(refused -> assertThat(refused.retryAfterSeconds()).isPositive());
    }

    @Test
    void redisDownFailsOpenAndCountsMetric(CapturedOutput log) throws Exception {
        TcpProxy redis = proxyToRedis();
        Instance app = start(redis.port(), "fail-open", 3);
        for (int i = 0; i < 3; i++) {
            assertThat(get(app.url("/api/data")).statusCode()).isEqualTo(200);
        }
        assertThat(get(app.url("/api/data")).statusCode()).as("limited through Redis").isEqualTo(429);

        redis.cut();

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> served = get(app.url("/api/data"));
            assertThat(served.statusCode()).as("served while Redis is away").isEqualTo(200);
            assertThat(served.headers().firstValue("RateLimit-Limit")).hasValue("3");
        }
        assertThat(app.redisFailures()).isGreaterThanOrEqualTo(5);
        assertThat(log.getOut()).contains("is unreachable for rate limiting").contains("fail-open");

        redis.restore();

        // Lettuce reconnects by itself; the exhausted bucket is still in Redis and holds again.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(get(app.url("/api/data")).statusCode()).isEqualTo(429));
    }

    @Test
    void redisDownFailsClosedWith503() throws Exception {
        TcpProxy redis = proxyToRedis();
        Instance app = start(redis.port(), "fail-closed", 3);
        assertThat(get(app.url("/api/data")).statusCode()).isEqualTo(200);

        redis.cut();

        HttpResponse<String> refused = get(app.url("/api/data"));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = json(refused);
        assertThat(problem.path("type").asString()).isEqualTo("https://emporium.dev/problems/rate-limit-unavailable");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("requestId").asString()).isEqualTo(refused.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(app.redisFailures()).isPositive();
        assertThat(get(app.management("/health/liveness")).statusCode()).isEqualTo(200);
    }

    @Test
    void redisUnreachableAtStartIsNoReasonNotToStart() throws Exception {
        TcpProxy redis = proxyToRedis();
        redis.cut();
        Instance app = start(redis.port(), "fail-open", 3);

        for (int i = 0; i < 5; i++) {
            assertThat(get(app.url("/api/data")).statusCode()).isEqualTo(200);
        }
        assertThat(app.redisFailures()).isGreaterThanOrEqualTo(5);

        redis.restore();

        // Connected in the background once Redis answers: the plan of 3 holds again.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(app.url("/api/data")).statusCode()).isEqualTo(429));
    }

    /** Refilled so slowly (a token every few minutes) that a test's count is not blurred by a refill. */
    private RateLimitPlans plansWithAnonymous(long capacity) {
        return new RateLimitPlans(new RateLimitProperties(true, RateLimitProperties.RedisFailurePolicy.FAIL_CLOSED,
                keyPrefix, 100, List.of(), Map.of(
                        "anonymous", new RateLimitProperties.Plan(capacity, Duration.ofDays(7)),
                        "customer", new RateLimitProperties.Plan(1, Duration.ofDays(1)),
                        "staff", new RateLimitProperties.Plan(1, Duration.ofDays(1)),
                        "credential-check", new RateLimitProperties.Plan(1, Duration.ofDays(1))),
                List.of(), Set.of("ROLE_admin")));
    }

    /**
     * A limiter of its own, as one instance has. Fail-closed and a roomy timeout: a decision that could not reach
     * Redis throws instead of counting as allowed.
     */
    private RedisRateLimiter limiter(RateLimitPlans plans, SimpleMeterRegistry registry) {
        RedisConnections redis = new RedisConnections(new RedisConnectionProperties(
                "redis://" + REDIS_HOST + ":" + REDIS_PORT, Duration.ofSeconds(2), Duration.ofSeconds(2)));
        started.add(redis);
        RedisRateLimiter limiter = new RedisRateLimiter(redis, plans, new RateLimitMetrics(registry, plans),
                RateLimitProperties.RedisFailurePolicy.FAIL_CLOSED);
        started.add(limiter);
        return limiter;
    }

    /** Scripts Redis has run so far, by hash or by text. */
    private static long scriptCalls() {
        try (RedisClient redis = RedisClient.create("redis://" + REDIS_HOST + ":" + REDIS_PORT);
                StatefulRedisConnection<String, String> connection = redis.connect()) {
            return Stream.of(connection.sync().info("commandstats").split("\\R"))
                    .filter(line -> line.startsWith("cmdstat_evalsha:") || line.startsWith("cmdstat_eval:"))
                    .mapToLong(line -> Long.parseLong(line.replaceFirst("^[^:]+:calls=(\\d+),.*$", "$1")))
                    .sum();
        }
    }

    private TcpProxy proxyToRedis() throws Exception {
        TcpProxy proxy = new TcpProxy(REDIS_HOST, REDIS_PORT);
        started.add(proxy);
        return proxy;
    }

    private Instance start(int redisPort, String failurePolicy, int anonymousCapacity) {
        ConfigurableApplicationContext context = Instances.start(
                "--emporium.redis.url=redis://" + REDIS_HOST + ":" + redisPort,
                // Roomier than production's 100 ms: this machine may be busy, and a timed-out decision is served
                // (fail-open), which would blur an exact count. A cut connection fails at once either way.
                "--emporium.redis.timeout=1s",
                "--emporium.rate-limit.key-prefix=" + keyPrefix,
                "--emporium.rate-limit.redis-failure-policy=" + failurePolicy,
                "--emporium.rate-limit.plans.anonymous.capacity=" + anonymousCapacity,
                "--emporium.rate-limit.plans.anonymous.period=1d");
        started.add(context);
        return new Instance(context);
    }

    /** {@code count} requests on virtual threads of their own, released together; their answers in order. */
    private static <T> List<T> allAtOnce(int count, IntFunction<Callable<T>> request) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                Callable<T> one = request.apply(i);
                answers.add(clients.submit(() -> {
                    go.await();
                    return one.call();
                }));
            }
            go.countDown();
        }
        return answers.stream().map(RateLimitRedisTest::resultOf).toList();
    }

    private static <T> T resultOf(Future<T> status) {
        try {
            return status.get();
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
    }

    private record Instance(ConfigurableApplicationContext context) {

        String url(String path) {
            return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path;
        }

        String management(String path) {
            return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port") + "/actuator" + path;
        }

        double rejections() {
            return metric("emporium_ratelimit_rejections_total{", "plan=\"anonymous\"");
        }

        double redisFailures() {
            return metric("emporium_ratelimit_redis_failures_total", "");
        }

        /** The sum of a counter's series in the Prometheus scrape of the management port. */
        private double metric(String name, String mustContain) {
            return Stream.of(get(management("/prometheus")).body().split("\n"))
                    .filter(line -> line.startsWith(name) && line.contains(mustContain))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        }
    }
}

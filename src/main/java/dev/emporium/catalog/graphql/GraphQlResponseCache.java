package dev.emporium.catalog.graphql;

import dev.emporium.platform.Digests;
import dev.emporium.platform.cache.SharedCache;
import dev.emporium.platform.cache.SharedCaches;
import graphql.ExecutionResult;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL answers kept by query text, operation name and variables: the schema is the public catalog, the same for
 * every caller. They live in the storefront's {@code listing} cache, so whatever drops the listings (any product or
 * category change, on every instance) drops them too. Only answers without errors are kept, so a query refused by
 * the depth or complexity limit is refused again every time.
 */
@Component
class GraphQlResponseCache implements WebGraphQlInterceptor {

    private static final TypeReference<Map<String, Object>> RESULT = new TypeReference<>() {};
    /** Apart from the listing pages' own keys in the same cache. */
    private static final String KEY_PREFIX = "graphql:";

    private final SharedCache cache;
    private final JsonMapper json = JsonMapper.builder().build();

    GraphQlResponseCache(SharedCaches caches) {
        this.cache = caches.cache("listing");
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return Mono.deferContextual(context -> {
            // The caller whose miss runs the query keeps its own answer, cacheable or not.
            AtomicReference<WebGraphQlResponse> executed = new AtomicReference<>();
            byte[] cached = cache.get(key(request), () -> {
                WebGraphQlResponse response = chain.next(request).contextWrite(context).block();
                executed.set(response);
                return response != null && response.isValid() && response.getErrors().isEmpty()
                        ? json.writeValueAsBytes(response.toMap())
                        : null;
            });
            if (executed.get() != null) {
                return Mono.just(executed.get());
            }
            if (cached == null) {
                return chain.next(request); // another caller ran it, and its answer was not kept
            }
            ExecutionResult result = ExecutionResult.newExecutionResult().data(json.readValue(cached, RESULT).get("data")).build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
        });
    }

    private String key(WebGraphQlRequest request) {
        byte[] identity = json.writeValueAsBytes(Arrays.asList(request.getDocument(), request.getOperationName(), request.getVariables()));
        return KEY_PREFIX + HexFormat.of().formatHex(Digests.sha256(identity));
    }
}

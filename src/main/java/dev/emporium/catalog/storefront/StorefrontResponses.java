package dev.emporium.catalog.storefront;

import dev.emporium.catalog.CatalogProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public catalog responses: rendered once into a cache with their ETag, answered 304 when the client already has
 * them, and marked cacheable by browsers and CDNs unless the request carried credentials.
 */
@Component
class StorefrontResponses {

    private final CatalogCache cache;
    private final JsonMapper json;
    private final String publicCacheControl;

    StorefrontResponses(CatalogCache cache, JsonMapper json, CatalogProperties properties) {
        this.cache = cache;
        this.json = json;
        this.publicCacheControl = CacheControl.maxAge(properties.httpCache().maxAge()).cachePublic()
                .staleWhileRevalidate(properties.httpCache().staleWhileRevalidate()).getHeaderValue();
    }

    /** The cached representation under {@code key}, or what {@code view} renders; null from the view is a 404. */
    ResponseEntity<byte[]> respond(HttpServletRequest request, CatalogCache.Region region, String key,
            Supplier<Object> view, String notFound) {
        Representation representation = cache.get(region, key, () -> {
            Object value = view.get();
            return value == null ? null : Representation.of(json.writeValueAsBytes(value));
        });
        if (representation == null) {
            throw StorefrontProblems.notFound(notFound);
        }
        String cacheControl = carriesCredentials(request) ? "private, no-store" : publicCacheControl;
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), representation.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(representation.etag())
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        return ResponseEntity.ok().eTag(representation.etag()).header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .contentType(MediaType.APPLICATION_JSON).body(representation.body());
    }

    private static boolean carriesCredentials(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader("X-Api-Key") != null;
    }

    /** If-None-Match compares weakly (RFC 9110 13.1.2): a W/ prefix or a list of tags still matches. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || (tag.startsWith("W/") && tag.substring(2).equals(etag))) {
                return true;
            }
        }
        return false;
    }
}

package dev.emporium.catalog.storefront;

import dev.emporium.platform.Digests;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;

/**
 * A listing or search, validated without touching the database: which products (category with its subcategories,
 * text, brands, price range, attribute values), in which order, how many, from where. {@link #fingerprint()} names the set and order, so a
 * cursor of one query cannot be replayed against another.
 */
public record ListingQuery(
        String categorySlug,
        String text,
        List<String> brands,
        Long minPrice,
        Long maxPrice,
        SortedMap<String, String> attributes,
        Sort sort,
        int limit,
        String cursor) {

    public ListingQuery {
        brands = brands.stream().sorted().distinct().toList();
    }

    boolean searches() {
        return text != null;
    }

    String fingerprint() {
        String canonical = String.join("\u0000", String.valueOf(categorySlug), String.valueOf(text),
                String.join("\u0001", brands), String.valueOf(minPrice), String.valueOf(maxPrice),
                attributes.toString(), sort.parameter());
        return HexFormat.of().formatHex(Digests.sha256(canonical), 0, 8);
    }

    /** The key a page of this query is cached under. */
    String cacheKey() {
        return fingerprint() + ":" + limit + ":" + (cursor == null ? "" : cursor);
    }

    /** The same query without paging, for facets. */
    ListingQuery unpaged() {
        return new ListingQuery(categorySlug, text, brands, minPrice, maxPrice, attributes, sort, limit, null);
    }
}

package dev.emporium.catalog.storefront;

import dev.emporium.catalog.CatalogProperties;
import dev.emporium.catalog.Money;
import dev.emporium.catalog.Slug;
import dev.emporium.platform.web.FreeText;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Turns a listing's raw parameters (from REST or GraphQL alike) into a {@link ListingQuery}, refusing what is out
 * of bounds with a 400 that names the parameter, without a database round trip: a cached page costs none.
 */
@Component
public class ListingRequests {

    public static final int MAX_TEXT_LENGTH = 200;
    private static final int MAX_BRANDS = 20;
    private static final int MAX_ATTRIBUTES = 10;

    private final CatalogProperties properties;

    ListingRequests(CatalogProperties properties) {
        this.properties = properties;
    }

    /** Raw parameters, each possibly absent. */
    public record Parameters(String category, String q, List<String> brands, Long minPrice, Long maxPrice,
            List<String> attributes, String sort, Integer limit, String cursor) {}

    public ListingQuery resolve(Parameters raw) {
        String text = raw.q() == null || raw.q().isBlank() ? null : raw.q().strip();
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw invalid("q", "is at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (!FreeText.Validator.allows(text, true)) {
            throw invalid("q", FreeText.MESSAGE);
        }
        if (raw.category() != null && !Slug.isValid(raw.category())) {
            throw StorefrontProblems.notFound("category");
        }
        List<String> brands = raw.brands() == null ? List.of() : raw.brands().stream().map(String::strip).filter(b -> !b.isEmpty()).toList();
        if (brands.size() > MAX_BRANDS || brands.stream().anyMatch(brand -> brand.length() > 100)) {
            throw invalid("brand", "takes at most " + MAX_BRANDS + " brands of at most 100 characters");
        }
        if (brands.stream().anyMatch(brand -> !FreeText.Validator.allows(brand, false))) {
            throw invalid("brand", FreeText.MESSAGE);
        }
        checkPrice("minPrice", raw.minPrice());
        checkPrice("maxPrice", raw.maxPrice());
        if (raw.minPrice() != null && raw.maxPrice() != null && raw.minPrice() > raw.maxPrice()) {
            throw invalid("minPrice", "must not be above maxPrice");
        }
        Sort sort = raw.sort() == null ? (text != null ? Sort.RELEVANCE : Sort.NEWEST)
                : Sort.ofParameter(raw.sort()).orElseThrow(() -> invalid("sort", "is one of newest, price_asc, price_desc, relevance"));
        if (sort == Sort.RELEVANCE && text == null) {
            throw invalid("sort", "relevance needs a search text (q)");
        }
        int limit = raw.limit() == null ? properties.defaultPageSize() : raw.limit();
        if (limit < 1 || limit > properties.maxPageSize()) {
            throw invalid("limit", "is between 1 and " + properties.maxPageSize());
        }
        ListingQuery query = new ListingQuery(raw.category(), text, brands, raw.minPrice(), raw.maxPrice(),
                attributes(raw.attributes()), sort, limit, raw.cursor());
        if (raw.cursor() != null) {
            Cursor.decode(raw.cursor(), query.fingerprint());
        }
        return query;
    }

    private static SortedMap<String, String> attributes(List<String> raw) {
        SortedMap<String, String> attributes = new TreeMap<>();
        if (raw == null) {
            return attributes;
        }
        if (raw.size() > MAX_ATTRIBUTES) {
            throw invalid("attr", "takes at most " + MAX_ATTRIBUTES + " name:value pairs");
        }
        for (String pair : raw) {
            int colon = pair.indexOf(':');
            if (colon < 1 || colon == pair.length() - 1 || pair.length() > 250) {
                throw invalid("attr", "is name:value, e.g. colour:black");
            }
            if (!FreeText.Validator.allows(pair, false)) {
                throw invalid("attr", FreeText.MESSAGE);
            }
            attributes.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
        }
        return attributes;
    }

    private static void checkPrice(String name, Long price) {
        if (price != null && (price < 0 || price > Money.MAX_AMOUNT)) {
            throw invalid(name, "is between 0 and " + Money.MAX_AMOUNT + " minor units");
        }
    }

    private static RuntimeException invalid(String parameter, String rule) {
        return StorefrontProblems.badRequest("invalid-parameter", parameter + " " + rule + ".");
    }
}

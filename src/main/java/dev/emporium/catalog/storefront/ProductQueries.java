package dev.emporium.catalog.storefront;

import dev.emporium.catalog.CatalogProperties;
import dev.emporium.catalog.Money;
import dev.emporium.catalog.storefront.Views.BrandCount;
import dev.emporium.catalog.storefront.Views.CategoryRef;
import dev.emporium.catalog.storefront.Views.Facets;
import dev.emporium.catalog.storefront.Views.Image;
import dev.emporium.catalog.storefront.Views.Page;
import dev.emporium.catalog.storefront.Views.PriceBucket;
import dev.emporium.catalog.storefront.Views.ProductCard;
import dev.emporium.catalog.storefront.Views.ProductDetail;
import dev.emporium.catalog.storefront.Views.ProductNode;
import dev.emporium.catalog.storefront.Views.Variant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The storefront's SQL. Every query reads published products only, through the partial indexes of V3__catalog, and
 * costs a fixed number of statements whatever the page size: a page is one statement, a product three.
 */
@Repository
public class ProductQueries {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final String PUBLISHED = "p.status = 'published'";
    private static final String CARD_COLUMNS = """
            p.id, p.slug, p.title, p.brand, p.price_from, p.currency, p.published_at,
            (SELECT i.url FROM product_images i WHERE i.product_id = p.id ORDER BY i.position LIMIT 1) AS image_url,
            (SELECT i.alt FROM product_images i WHERE i.product_id = p.id ORDER BY i.position LIMIT 1) AS image_alt""";
    private static final String NODE_COLUMNS = """
            p.id, p.slug, p.title, p.description, p.brand, p.attributes::text AS attributes, p.price_from, p.currency,
            p.published_at, p.updated_at, c.id AS category_id, c.slug AS category_slug, c.name AS category_name""";
    private static final String NODE_FROM = "products p LEFT JOIN categories c ON c.id = p.category_id";

    private final JdbcClient jdbc;
    private final CategoryQueries categories;
    private final JsonMapper json;
    private final List<Long> priceBuckets;

    ProductQueries(JdbcClient jdbc, CategoryQueries categories, JsonMapper json, CatalogProperties properties) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.json = json;
        this.priceBuckets = List.copyOf(properties.priceBuckets());
    }

    public Optional<ProductDetail> byId(UUID id) {
        return node(ByKey.ID, id).map(this::withParts);
    }

    public Optional<ProductDetail> bySlug(String slug) {
        return node(ByKey.SLUG, slug).map(this::withParts);
    }

    /** How a single product is looked up. */
    public enum ByKey {
        ID("p.id = :key"), SLUG("p.slug = :key");

        final String condition;

        ByKey(String condition) {
            this.condition = condition;
        }
    }

    /** A published product's own fields and category, in one statement. */
    public Optional<ProductNode> node(ByKey by, Object key) {
        Statement statement = nodeStatement(by, key);
        return jdbc.sql(statement.sql()).params(statement.params()).query((rs, row) -> node(rs)).optional();
    }

    Statement nodeStatement(ByKey by, Object key) {
        return new Statement("SELECT " + NODE_COLUMNS + " FROM " + NODE_FROM + " WHERE " + by.condition + " AND " + PUBLISHED,
                Map.of("key", key));
    }

    private ProductDetail withParts(ProductNode product) {
        List<UUID> id = List.of(product.id());
        return new ProductDetail(product.id(), product.slug(), product.title(), product.description(), product.brand(),
                product.category(), product.attributes(), product.priceFrom(),
                variantsOf(id).getOrDefault(product.id(), List.of()), imagesOf(id).getOrDefault(product.id(), List.of()),
                product.publishedAt(), product.updatedAt());
    }

    /** The variants of each product, in one statement. */
    public Map<UUID, List<Variant>> variantsOf(Collection<UUID> productIds) {
        Map<UUID, List<Variant>> variants = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT product_id, id, sku, options::text AS options, price_minor, currency, weight_grams
                FROM product_variants WHERE product_id = ANY(:ids) ORDER BY product_id, position, sku""")
                .param("ids", productIds.toArray(UUID[]::new))
                .query(rs -> {
                    variants.computeIfAbsent(rs.getObject("product_id", UUID.class), id -> new ArrayList<>())
                            .add(new Variant(rs.getObject("id", UUID.class), rs.getString("sku"),
                                    json.readValue(rs.getString("options"), STRING_MAP),
                                    new Money(rs.getLong("price_minor"), rs.getString("currency")),
                                    (Integer) rs.getObject("weight_grams")));
                });
        return variants;
    }

    /** The images of each product, in one statement. */
    public Map<UUID, List<Image>> imagesOf(Collection<UUID> productIds) {
        Map<UUID, List<Image>> images = new LinkedHashMap<>();
        jdbc.sql("SELECT product_id, url, alt FROM product_images WHERE product_id = ANY(:ids) ORDER BY product_id, position")
                .param("ids", productIds.toArray(UUID[]::new))
                .query(rs -> {
                    images.computeIfAbsent(rs.getObject("product_id", UUID.class), id -> new ArrayList<>())
                            .add(new Image(rs.getString("url"), rs.getString("alt")));
                });
        return images;
    }

    /** One page of a listing or search as product cards, walked by keyset from the query's cursor. */
    public Page<ProductCard> page(ListingQuery query) {
        Slice<ProductCard> slice = slice(query, CARD_COLUMNS, "products p", this::card);
        return new Page<>(slice.edges().stream().map(Edge::node).toList(),
                slice.hasNext() ? slice.edges().getLast().cursor() : null);
    }

    /** The same page as product nodes, each with the cursor that continues after it (GraphQL's connections). */
    public Slice<ProductNode> nodes(ListingQuery query) {
        return slice(query, NODE_COLUMNS, NODE_FROM, this::node);
    }

    public record Edge<T>(T node, String cursor) {}

    public record Slice<T>(List<Edge<T>> edges, boolean hasNext) {}

    /**
     * A page by keyset. A search's first page matches exactly; only when nothing does, by similarity (typos). Later
     * pages match as their cursor says.
     */
    private <T> Slice<T> slice(ListingQuery query, String columns, String from, RowMapper<T> mapper) {
        Cursor cursor = query.cursor() == null ? null : Cursor.decode(query.cursor(), query.fingerprint());
        TextMatch match = cursor == null ? TextMatch.EXACT : cursor.match();
        List<UUID> categoryIds = categoryIds(query);
        Slice<T> slice = slice(query, match, pageStatement(query, categoryIds, cursor, match, columns, from), mapper);
        if (slice.edges().isEmpty() && cursor == null && query.searches()) {
            slice = slice(query, TextMatch.SIMILAR,
                    pageStatement(query, categoryIds, null, TextMatch.SIMILAR, columns, from), mapper);
        }
        return slice;
    }

    private <T> Slice<T> slice(ListingQuery query, TextMatch match, Statement page, RowMapper<T> mapper) {
        String fingerprint = query.fingerprint();
        List<Edge<T>> rows = jdbc.sql(page.sql()).params(page.params())
                .query((rs, row) -> new Edge<>(mapper.mapRow(rs, row),
                        new Cursor(fingerprint, match, rs.getString("sort_key"), rs.getObject("id", UUID.class)).encode()))
                .list();
        boolean more = rows.size() > query.limit();
        return new Slice<>(more ? List.copyOf(rows.subList(0, query.limit())) : rows, more);
    }

    /** A SQL statement and its parameters, as run: tests explain exactly these. */
    record Statement(String sql, Map<String, Object> params) {}

    /** The first page's statement for cards (a later page's with a cursor in the query). */
    Statement pageStatement(ListingQuery query, TextMatch match) {
        return pageStatement(query, categoryIds(query), cursorOf(query), match, CARD_COLUMNS, "products p");
    }

    Statement nodesStatement(ListingQuery query, TextMatch match) {
        return pageStatement(query, categoryIds(query), cursorOf(query), match, NODE_COLUMNS, NODE_FROM);
    }

    /** The query's category and everything below it (one statement), resolved when the query runs, not when it is cached. */
    private List<UUID> categoryIds(ListingQuery query) {
        return query.categorySlug() == null ? List.of()
                : categories.withDescendants(query.categorySlug()).orElseThrow(() -> StorefrontProblems.notFound("category"));
    }

    private static Cursor cursorOf(ListingQuery query) {
        return query.cursor() == null ? null : Cursor.decode(query.cursor(), query.fingerprint());
    }

    private static Statement pageStatement(ListingQuery query, List<UUID> categoryIds, Cursor cursor, TextMatch match,
            String columns, String from) {
        Filter filter = Filter.of(query, categoryIds, match);
        Keyset keyset = Keyset.of(query, cursor, match);
        Map<String, Object> params = new LinkedHashMap<>(filter.params());
        params.putAll(keyset.params());
        params.put("fetch", query.limit() + 1);
        return new Statement("""
                SELECT * FROM (
                    SELECT %s, %s AS sort_key
                    FROM %s
                    WHERE %s
                ) page
                WHERE %s
                ORDER BY %s
                LIMIT :fetch""".formatted(columns, keyset.sortKey(), from, filter.where(), keyset.after(), keyset.orderBy()),
                params);
    }

    Statement facetsStatement(ListingQuery query, TextMatch match) {
        return facetsStatement(query, categoryIds(query), match);
    }

    private Statement facetsStatement(ListingQuery query, List<UUID> categoryIds, TextMatch match) {
        Filter filter = Filter.of(query, categoryIds, match);
        Map<String, Object> params = new LinkedHashMap<>(filter.params());
        params.put("bounds", priceBuckets.toArray(Long[]::new));
        return new Statement("""
                SELECT p.brand, width_bucket(p.price_from, :bounds) AS bucket, count(*) AS products
                FROM products p
                WHERE %s
                GROUP BY GROUPING SETS ((p.brand), (bucket))""".formatted(filter.where()), params);
    }

    /** Brand and price-range counts over the whole listing, in one statement. */
    public Facets facets(ListingQuery query, String currency) {
        List<UUID> categoryIds = categoryIds(query);
        Facets exact = facets(query, categoryIds, currency, TextMatch.EXACT);
        boolean nothingExact = exact.prices().stream().mapToLong(PriceBucket::count).sum() == 0;
        return nothingExact && query.searches() ? facets(query, categoryIds, currency, TextMatch.SIMILAR) : exact;
    }

    private Facets facets(ListingQuery query, List<UUID> categoryIds, String currency, TextMatch match) {
        Statement facets = facetsStatement(query, categoryIds, match);
        List<BrandCount> brands = new ArrayList<>();
        Map<Integer, Long> buckets = new LinkedHashMap<>();
        jdbc.sql(facets.sql()).params(facets.params())
                .query(rs -> {
                    String brand = rs.getString("brand");
                    if (brand != null) {
                        brands.add(new BrandCount(brand, rs.getLong("products")));
                    } else {
                        buckets.put(rs.getInt("bucket"), rs.getLong("products"));
                    }
                });
        brands.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.brand().compareTo(b.brand()));
        List<PriceBucket> prices = new ArrayList<>();
        for (int bucket = 0; bucket <= priceBuckets.size(); bucket++) {
            long min = bucket == 0 ? 0 : priceBuckets.get(bucket - 1);
            Long max = bucket < priceBuckets.size() ? priceBuckets.get(bucket) : null;
            prices.add(new PriceBucket(min, max, buckets.getOrDefault(bucket, 0L)));
        }
        return new Facets(brands.stream().filter(brand -> !brand.brand().isEmpty()).limit(50).toList(), prices, currency);
    }

    /** Which products: always published ones, then the query's filters, each a bound parameter. */
    private record Filter(String where, Map<String, Object> params) {

        static Filter of(ListingQuery query, List<UUID> categoryIds, TextMatch match) {
            List<String> conditions = new ArrayList<>(List.of(PUBLISHED));
            Map<String, Object> params = new LinkedHashMap<>();
            if (query.categorySlug() != null) {
                conditions.add("p.category_id = ANY(:categories)");
                params.put("categories", categoryIds.toArray(UUID[]::new));
            }
            if (query.searches()) {
                // websearch_to_tsquery reads any text without a syntax error; <% is word similarity to the title.
                conditions.add(match == TextMatch.EXACT
                        ? "p.search_vector @@ websearch_to_tsquery('english', :text)"
                        : ":text <% p.title");
                params.put("text", query.text());
            }
            if (!query.brands().isEmpty()) {
                conditions.add("p.brand = ANY(:brands)");
                params.put("brands", query.brands().toArray(String[]::new));
            }
            if (query.minPrice() != null) {
                conditions.add("p.price_from >= :minPrice");
                params.put("minPrice", query.minPrice());
            }
            if (query.maxPrice() != null) {
                conditions.add("p.price_from <= :maxPrice");
                params.put("maxPrice", query.maxPrice());
            }
            if (!query.attributes().isEmpty()) {
                List<String> pairs = new ArrayList<>();
                query.attributes().forEach((name, value) -> {
                    int n = pairs.size();
                    pairs.add(":attributeName" + n + "::text, :attributeValue" + n + "::text");
                    params.put("attributeName" + n, name);
                    params.put("attributeValue" + n, value);
                });
                conditions.add("p.attributes @> jsonb_build_object(" + String.join(", ", pairs) + ")");
            }
            return new Filter(String.join(" AND ", conditions), params);
        }
    }

    /** The order of a listing and where its page starts, as a row comparison on (sort key, id). */
    private record Keyset(String sortKey, String orderBy, String after, Map<String, Object> params) {

        static Keyset of(ListingQuery query, Cursor cursor, TextMatch match) {
            Map<String, Object> params = new LinkedHashMap<>();
            return switch (query.sort()) {
                case NEWEST -> {
                    if (cursor != null) {
                        params.put("afterKey", cursor.sortKeyAsTimestamp());
                        params.put("afterId", cursor.lastId());
                    }
                    yield new Keyset("(extract(epoch FROM p.published_at) * 1000000)::bigint::text",
                            "published_at DESC, id DESC",
                            cursor == null ? "true" : "(published_at, id) < (:afterKey, :afterId)", params);
                }
                case PRICE_ASC, PRICE_DESC -> {
                    if (cursor != null) {
                        params.put("afterKey", cursor.sortKeyAsLong());
                        params.put("afterId", cursor.lastId());
                    }
                    boolean ascending = query.sort() == Sort.PRICE_ASC;
                    yield new Keyset("p.price_from::text",
                            ascending ? "price_from, id" : "price_from DESC, id DESC",
                            cursor == null ? "true" : ascending
                                    ? "(price_from, id) > (:afterKey, :afterId)"
                                    : "(price_from, id) < (:afterKey, :afterId)", params);
                }
                case RELEVANCE -> {
                    if (cursor != null) {
                        params.put("afterKey", cursor.sortKeyAsFloat());
                        params.put("afterId", cursor.lastId());
                    }
                    // Exact: title words weigh most (the weights of V3's search_vector). Similar: closest title first.
                    yield new Keyset(match == TextMatch.EXACT
                                    ? "ts_rank(p.search_vector, websearch_to_tsquery('english', :text))::real::text"
                                    : "word_similarity(:text, p.title)::real::text",
                            "sort_key::real DESC, id",
                            cursor == null ? "true" : "(sort_key::real < :afterKey OR (sort_key::real = :afterKey AND id > :afterId))",
                            params);
                }
            };
        }
    }

    private ProductNode node(ResultSet rs, int row) throws SQLException {
        return new ProductNode(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
                rs.getString("description"), rs.getString("brand"), categoryOf(rs),
                json.readValue(rs.getString("attributes"), STRING_MAP), priceOf(rs), instant(rs, "published_at"),
                instant(rs, "updated_at"));
    }

    private ProductNode node(ResultSet rs) throws SQLException {
        return node(rs, 0);
    }

    private ProductCard card(ResultSet rs, int row) throws SQLException {
        String imageUrl = rs.getString("image_url");
        return new ProductCard(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
                rs.getString("brand"), priceOf(rs), imageUrl == null ? null : new Image(imageUrl, rs.getString("image_alt")));
    }

    private static Money priceOf(ResultSet rs) throws SQLException {
        long amount = rs.getLong("price_from");
        return rs.wasNull() ? null : new Money(amount, rs.getString("currency"));
    }

    private static CategoryRef categoryOf(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("category_id", UUID.class);
        return id == null ? null : new CategoryRef(id, rs.getString("category_slug"), rs.getString("category_name"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}

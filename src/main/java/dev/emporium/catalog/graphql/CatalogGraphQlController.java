package dev.emporium.catalog.graphql;

import dev.emporium.catalog.Slug;
import dev.emporium.catalog.storefront.CategoryQueries;
import dev.emporium.catalog.storefront.ListingRequests;
import dev.emporium.catalog.storefront.ProductQueries;
import dev.emporium.catalog.storefront.ProductQueries.Slice;
import dev.emporium.catalog.storefront.Views.CategoryNode;
import dev.emporium.catalog.storefront.Views.CategoryRef;
import dev.emporium.catalog.storefront.Views.Image;
import dev.emporium.catalog.storefront.Views.ProductNode;
import dev.emporium.catalog.storefront.Views.Variant;
import dev.emporium.platform.web.FreeText;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The storefront over GraphQL, on the same queries as REST. A page of products costs a fixed number of statements
 * however many products and nested fields it asks for: the page, then one batch each for variants, images and the
 * category tree.
 */
@Controller
class CatalogGraphQlController {

    private final ProductQueries products;
    private final CategoryQueries categories;
    private final ListingRequests listings;

    CatalogGraphQlController(ProductQueries products, CategoryQueries categories, ListingRequests listings) {
        this.products = products;
        this.categories = categories;
        this.listings = listings;
    }

    record AttributeInput(String name, String value) {}

    record ProductFilter(String category, List<String> brands, Long minPrice, Long maxPrice, List<AttributeInput> attributes) {}

    record Attribute(String name, String value) {}

    record PageInfo(boolean hasNextPage, String endCursor) {}

    record Connection(List<ProductQueries.Edge<ProductNode>> edges, PageInfo pageInfo) {

        static Connection of(Slice<ProductNode> slice) {
            return new Connection(slice.edges(),
                    new PageInfo(slice.hasNext(), slice.edges().isEmpty() ? null : slice.edges().getLast().cursor()));
        }
    }

    @QueryMapping
    ProductNode product(@Argument String id, @Argument String slug) {
        if ((id == null) == (slug == null)) {
            throw new GraphQlInputException("Give exactly one of id and slug.");
        }
        if (id != null) {
            UUID uuid;
            try {
                uuid = UUID.fromString(id);
            } catch (IllegalArgumentException notAnId) {
                return null;
            }
            return products.node(ProductQueries.ByKey.ID, uuid).orElse(null);
        }
        if (!FreeText.Validator.allows(slug, false)) {
            throw new GraphQlInputException("slug " + FreeText.MESSAGE + ".");
        }
        return Slug.isValid(slug) ? products.node(ProductQueries.ByKey.SLUG, slug).orElse(null) : null;
    }

    @QueryMapping
    Connection products(@Argument ProductFilter filter, @Argument String sort, @Argument Integer first, @Argument String after) {
        return Connection.of(products.nodes(listings.resolve(parameters(filter, null, sort, first, after))));
    }

    @QueryMapping
    Connection search(@Argument String query, @Argument ProductFilter filter, @Argument String sort, @Argument Integer first,
            @Argument String after) {
        if (query.isBlank()) {
            throw new GraphQlInputException("The search text is empty.");
        }
        return Connection.of(products.nodes(listings.resolve(parameters(filter, query, sort, first, after))));
    }

    @QueryMapping
    List<CategoryNode> categories() {
        return categories.tree();
    }

    @SchemaMapping(typeName = "Product")
    List<Attribute> attributes(ProductNode product) {
        return attributesOf(product.attributes());
    }

    @SchemaMapping(typeName = "Product")
    String publishedAt(ProductNode product) {
        return product.publishedAt() == null ? null : product.publishedAt().toString();
    }

    @SchemaMapping(typeName = "Variant")
    List<Attribute> options(Variant variant) {
        return attributesOf(variant.options());
    }

    @BatchMapping(typeName = "Product")
    Map<ProductNode, List<Variant>> variants(List<ProductNode> page) {
        return byProduct(page, products.variantsOf(ids(page)));
    }

    @BatchMapping(typeName = "Product")
    Map<ProductNode, List<Image>> images(List<ProductNode> page) {
        return byProduct(page, products.imagesOf(ids(page)));
    }

    /** Subcategories, from one read of the tree for every category in the response. */
    @BatchMapping(typeName = "Category")
    Map<Object, List<CategoryNode>> children(List<Object> parents) {
        Map<UUID, List<CategoryNode>> childrenById = new HashMap<>();
        index(categories.tree(), childrenById);
        Map<Object, List<CategoryNode>> children = new LinkedHashMap<>();
        for (Object parent : parents) {
            UUID id = switch (parent) {
                case CategoryNode node -> node.id();
                case CategoryRef ref -> ref.id();
                default -> throw new IllegalStateException("Not a category: " + parent);
            };
            children.put(parent, childrenById.getOrDefault(id, List.of()));
        }
        return children;
    }

    private static void index(List<CategoryNode> nodes, Map<UUID, List<CategoryNode>> childrenById) {
        for (CategoryNode node : nodes) {
            childrenById.put(node.id(), node.children());
            index(node.children(), childrenById);
        }
    }

    private static ListingRequests.Parameters parameters(ProductFilter filter, String text, String sort, Integer first, String after) {
        ProductFilter given = filter == null ? new ProductFilter(null, null, null, null, null) : filter;
        List<String> attributes = given.attributes() == null ? null
                : given.attributes().stream().map(attribute -> attribute.name() + ":" + attribute.value()).toList();
        return new ListingRequests.Parameters(given.category(), text, given.brands(), given.minPrice(), given.maxPrice(),
                attributes, sort == null ? null : sort.toLowerCase(java.util.Locale.ROOT), first, after);
    }

    private static List<UUID> ids(List<ProductNode> page) {
        return page.stream().map(ProductNode::id).toList();
    }

    private static <T> Map<ProductNode, List<T>> byProduct(List<ProductNode> page, Map<UUID, List<T>> byId) {
        Map<ProductNode, List<T>> result = new LinkedHashMap<>();
        page.forEach(product -> result.put(product, byId.getOrDefault(product.id(), List.of())));
        return result;
    }

    private static List<Attribute> attributesOf(Map<String, String> values) {
        return values.entrySet().stream().map(entry -> new Attribute(entry.getKey(), entry.getValue())).toList();
    }

}

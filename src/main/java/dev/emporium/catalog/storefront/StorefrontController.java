package dev.emporium.catalog.storefront;

import dev.emporium.catalog.CatalogProperties;
import dev.emporium.catalog.Slug;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public storefront: published products, listings, search, facets and the category tree. */
@RestController
@Tag(name = "Storefront")
class StorefrontController {

    private final ProductQueries products;
    private final CategoryQueries categories;
    private final ListingRequests listings;
    private final StorefrontResponses responses;
    private final String currency;

    StorefrontController(ProductQueries products, CategoryQueries categories, ListingRequests listings,
            StorefrontResponses responses, CatalogProperties properties) {
        this.products = products;
        this.categories = categories;
        this.listings = listings;
        this.responses = responses;
        this.currency = properties.currency();
    }

    @GetMapping("/api/v1/products/{id}")
    @Operation(summary = "A published product by id")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Views.ProductDetail.class)))
    ResponseEntity<byte[]> byId(@PathVariable UUID id, HttpServletRequest request) {
        return responses.respond(request, CatalogCache.Region.PRODUCT, CatalogCache.ProductKeys.byId(id),
                () -> products.byId(id).orElse(null), "product");
    }

    @GetMapping("/api/v1/products/by-slug/{slug}")
    @Operation(summary = "A published product by slug")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Views.ProductDetail.class)))
    ResponseEntity<byte[]> bySlug(@PathVariable String slug, HttpServletRequest request) {
        if (!Slug.isValid(slug)) {
            throw StorefrontProblems.notFound("product");
        }
        return responses.respond(request, CatalogCache.Region.PRODUCT, CatalogCache.ProductKeys.bySlug(slug),
                () -> products.bySlug(slug).orElse(null), "product");
    }

    @GetMapping("/api/v1/products")
    @Operation(summary = "List or search published products",
            description = "Filter by category (with its subcategories), brand, price range and attributes; search with q "
                    + "(full text over title, brand and description, tolerant of typos in the title). Pages are walked "
                    + "with the opaque nextCursor.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Views.Page.class)))
    ResponseEntity<byte[]> list(
            @Parameter(description = "Category slug; its subcategories are included") @RequestParam(required = false) String category,
            @Parameter(description = "Search text, at most 200 characters") @RequestParam(required = false) String q,
            @Parameter(description = "Brand, repeatable") @RequestParam(name = "brand", required = false) List<String> brands,
            @Parameter(description = "Lowest price, minor units") @RequestParam(required = false) Long minPrice,
            @Parameter(description = "Highest price, minor units") @RequestParam(required = false) Long maxPrice,
            @Parameter(description = "Attribute filter name:value, repeatable, all must hold") @RequestParam(name = "attr", required = false) List<String> attributes,
            @Parameter(description = "newest (default), price_asc, price_desc, relevance (default with q)") @RequestParam(required = false) String sort,
            @Parameter(description = "Page size, 1 to emporium.catalog.max-page-size") @RequestParam(required = false) Integer limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            HttpServletRequest request) {
        ListingQuery query = listings.resolve(new ListingRequests.Parameters(category, q, brands, minPrice, maxPrice,
                attributes, sort, limit, cursor));
        return responses.respond(request, CatalogCache.Region.LISTING, "page:" + query.cacheKey(),
                () -> products.page(query), "listing");
    }

    @GetMapping("/api/v1/products/facets")
    @Operation(summary = "Brand and price-range counts for a category or a search", description = "Takes the listing's filters; needs category or q.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Views.Facets.class)))
    ResponseEntity<byte[]> facets(
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String q,
            @RequestParam(name = "brand", required = false) List<String> brands,
            @RequestParam(required = false) Long minPrice,
            @RequestParam(required = false) Long maxPrice,
            @RequestParam(name = "attr", required = false) List<String> attributes,
            HttpServletRequest request) {
        if (category == null && (q == null || q.isBlank())) {
            // Counting the whole catalog would read every product; facets belong to a category or a search.
            throw StorefrontProblems.badRequest("invalid-parameter", "Facets need a category or a search text (q).");
        }
        ListingQuery query = listings.resolve(new ListingRequests.Parameters(category, q, brands, minPrice, maxPrice,
                attributes, null, null, null));
        return responses.respond(request, CatalogCache.Region.LISTING, "facets:" + query.fingerprint(),
                () -> products.facets(query, currency), "listing");
    }

    @GetMapping("/api/v1/categories")
    @Operation(summary = "The category tree")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Views.CategoryNode.class)))
    ResponseEntity<byte[]> categories(HttpServletRequest request) {
        return responses.respond(request, CatalogCache.Region.LISTING, "categories", categories::tree, "category");
    }
}

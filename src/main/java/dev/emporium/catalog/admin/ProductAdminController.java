package dev.emporium.catalog.admin;

import static org.springframework.http.HttpHeaders.IF_MATCH;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Products for staff ({@code admin}, {@code catalog_manager}). Reads carry an ETag; every change to an existing
 * product needs it back in {@code If-Match} (missing: 428, stale: 412), so two editors never overwrite each other.
 */
@RestController
@RequestMapping("/api/v1/admin/catalog/products")
@Tag(name = "Catalog administration")
@SecurityRequirement(name = "bearer")
class ProductAdminController {

    private final ProductCommands commands;

    ProductAdminController(ProductCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Create a draft product", description = "With its images and variants; prices in the shop's currency.")
    ResponseEntity<AdminProduct> create(@Valid @RequestBody ProductInput input) {
        AdminProduct product = commands.create(input);
        return ResponseEntity.created(URI.create("/api/v1/admin/catalog/products/" + product.id()))
                .eTag(Versions.etag(product.version())).body(product);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a product in any status")
    ResponseEntity<AdminProduct> get(@PathVariable UUID id) {
        return withETag(commands.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a product's fields and images", description = "Variants in the body are added or updated by SKU; others stay.")
    ResponseEntity<AdminProduct> replace(@PathVariable UUID id, @RequestHeader(name = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody ProductInput input) {
        return withETag(commands.replace(id, Versions.expected(ifMatch), input));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish a product", description = "It needs at least one variant. Its first publication time is kept.")
    ResponseEntity<AdminProduct> publish(@PathVariable UUID id, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return withETag(commands.publish(id, Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a product", description = "It leaves the storefront; orders keep referring to it.")
    ResponseEntity<AdminProduct> archive(@PathVariable UUID id, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return withETag(commands.archive(id, Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/variants")
    @Operation(summary = "Add a variant (or update the product's variant with that SKU)")
    ResponseEntity<AdminProduct> addVariant(@PathVariable UUID id, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ProductInput.VariantInput variant) {
        return withETag(commands.addVariant(id, Versions.expected(ifMatch), variant));
    }

    @PutMapping("/{id}/variants/{variantId}")
    @Operation(summary = "Replace a variant")
    ResponseEntity<AdminProduct> updateVariant(@PathVariable UUID id, @PathVariable UUID variantId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ProductInput.VariantInput variant) {
        return withETag(commands.updateVariant(id, variantId, Versions.expected(ifMatch), variant));
    }

    @DeleteMapping("/{id}/variants/{variantId}")
    @Operation(summary = "Delete a variant", description = "A published product keeps at least one.")
    ResponseEntity<AdminProduct> deleteVariant(@PathVariable UUID id, @PathVariable UUID variantId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return withETag(commands.deleteVariant(id, variantId, Versions.expected(ifMatch)));
    }

    private static ResponseEntity<AdminProduct> withETag(AdminProduct product) {
        return ResponseEntity.ok().eTag(Versions.etag(product.version())).body(product);
    }
}

package dev.emporium.catalog.admin;

import dev.emporium.catalog.Money;
import dev.emporium.catalog.Slug;
import dev.emporium.platform.web.FreeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What staff send to create or replace a product: its own fields, its images and (on create) its variants. */
record ProductInput(
        @NotBlank @Size(max = Slug.MAX_LENGTH) @Pattern(regexp = Slug.PATTERN, message = Slug.MESSAGE) String slug,
        @NotBlank @Size(max = 300) @FreeText String title,
        @Size(max = 20_000) @FreeText(multiline = true) String description,
        @Size(max = 100) @FreeText String brand,
        UUID categoryId,
        @Size(max = 50) Map<@NotBlank @Size(max = 50) @FreeText String, @NotNull @Size(max = 200) @FreeText String> attributes,
        @Size(max = 20) List<@Valid @NotNull Image> images,
        @Size(max = 100) List<@Valid @NotNull VariantInput> variants) {

    record Image(
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @FreeText String url,
            @Size(max = 300) @FreeText String alt) {}

    record VariantInput(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-'") String sku,
            @Size(max = 10) Map<@NotBlank @Size(max = 50) @FreeText String, @NotNull @Size(max = 100) @FreeText String> options,
            @NotNull @Valid Money price,
            @PositiveOrZero Integer weightGrams) {}

    ProductInput {
        description = description == null ? "" : description.strip();
        brand = brand == null ? "" : brand.strip();
        attributes = attributes == null ? Map.of() : attributes;
        images = images == null ? List.of() : images;
        variants = variants == null ? List.of() : variants;
    }
}

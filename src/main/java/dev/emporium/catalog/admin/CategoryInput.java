package dev.emporium.catalog.admin;

import dev.emporium.catalog.Slug;
import dev.emporium.platform.web.FreeText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A category as staff send it; {@code parentId} null makes it a root. */
record CategoryInput(
        @NotBlank @Size(max = Slug.MAX_LENGTH) @Pattern(regexp = Slug.PATTERN, message = Slug.MESSAGE) String slug,
        @NotBlank @Size(max = 200) @FreeText String name,
        UUID parentId,
        @Min(0) @Max(100_000) Integer position) {}

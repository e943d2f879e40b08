package dev.emporium.catalog.admin;

import static org.springframework.http.HttpHeaders.IF_MATCH;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The category tree for staff; changes need the ETag of the last read in {@code If-Match}. */
@RestController
@RequestMapping("/api/v1/admin/catalog/categories")
@Tag(name = "Catalog administration")
@SecurityRequirement(name = "bearer")
class CategoryAdminController {

    private final CategoryCommands commands;

    CategoryAdminController(CategoryCommands commands) {
        this.commands = commands;
    }

    @GetMapping
    @Operation(summary = "Every category, roots first")
    List<AdminCategory> all() {
        return commands.all();
    }

    @PostMapping
    @Operation(summary = "Create a category", description = "Without parentId it is a root.")
    ResponseEntity<AdminCategory> create(@Valid @RequestBody CategoryInput input) {
        AdminCategory category = commands.create(input);
        return ResponseEntity.created(URI.create("/api/v1/admin/catalog/categories/" + category.id()))
                .eTag(Versions.etag(category.version())).body(category);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a category")
    ResponseEntity<AdminCategory> get(@PathVariable UUID id) {
        AdminCategory category = commands.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(category.version())).body(category);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename, move or reorder a category")
    ResponseEntity<AdminCategory> update(@PathVariable UUID id,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody CategoryInput input) {
        AdminCategory category = commands.update(id, Versions.expected(ifMatch), input);
        return ResponseEntity.ok().eTag(Versions.etag(category.version())).body(category);
    }
}

package dev.emporium.catalog.admin;

import java.util.UUID;

/** A category as staff see it, with the version its ETag carries. */
record AdminCategory(UUID id, String slug, String name, UUID parentId, int position, int version) {}

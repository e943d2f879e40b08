package dev.emporium.catalog;

/** The category tree changed: a category was created, renamed, moved or reordered. */
public record CategoriesChanged() {}

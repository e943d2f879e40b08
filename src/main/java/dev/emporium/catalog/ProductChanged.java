package dev.emporium.catalog;

import java.util.Set;
import java.util.UUID;

/**
 * A product, its variants or its images changed (or its status did). {@code slugs} holds every slug it had before
 * and after the change, so caches keyed by slug can drop them all.
 */
public record ProductChanged(UUID productId, Set<String> slugs) {}

package dev.emporium.platform.cache;

/** The shared caches of this instance, by name; {@code emporium.cache.caches.<name>} configures each one. */
public interface SharedCaches {

    /**
     * The cache of that name, the same one on every call. A name that configuration does not mention gets the default
     * settings. Names are letters, digits, '-', '_' and '.'.
     */
    SharedCache cache(String name);
}

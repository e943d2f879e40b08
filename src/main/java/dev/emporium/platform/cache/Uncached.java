package dev.emporium.platform.cache;

import java.util.function.Supplier;

/** With {@code emporium.cache.enabled=false}: every get runs the loader, and there is nothing to evict. */
record Uncached(String name) implements SharedCache {

    @Override
    public byte[] get(String key, Supplier<byte[]> loader) {
        return loader.get();
    }

    @Override
    public void evict(String key) {}

    @Override
    public void clear() {}
}

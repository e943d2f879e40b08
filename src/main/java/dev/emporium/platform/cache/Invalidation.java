package dev.emporium.platform.cache;

import java.util.Optional;

/**
 * What an instance tells every instance (itself included) through Redis pub/sub: drop {@code key} of {@code cache}
 * from the local level, or every key of it when {@code key} is null. As text: {@code evict <cache> <key>} or
 * {@code clear <cache>}; cache names have no spaces, keys may.
 */
record Invalidation(String cache, String key) {

    static Invalidation evict(String cache, String key) {
        return new Invalidation(cache, key);
    }

    static Invalidation clear(String cache) {
        return new Invalidation(cache, null);
    }

    boolean clearsAll() {
        return key == null;
    }

    String message() {
        return clearsAll() ? "clear " + cache : "evict " + cache + " " + key;
    }

    /** Empty for anything this version does not understand: a newer instance's message must not break an older one. */
    static Optional<Invalidation> parse(String message) {
        String[] parts = message.split(" ", 3);
        if (parts.length == 3 && parts[0].equals("evict")) {
            return Optional.of(evict(parts[1], parts[2]));
        }
        if (parts.length == 2 && parts[0].equals("clear")) {
            return Optional.of(clear(parts[1]));
        }
        return Optional.empty();
    }
}

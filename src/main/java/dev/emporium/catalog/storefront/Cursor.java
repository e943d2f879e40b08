package dev.emporium.catalog.storefront;

import dev.emporium.platform.TimestampRange;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page ended: the last item's sort key and id, how the search text matched (so every page of a search
 * matches the same way), and a fingerprint of the query it belongs to. Opaque to clients (base64url); one that
 * was altered, or that belongs to another query, is refused rather than followed.
 */
record Cursor(String fingerprint, TextMatch match, String sortKey, UUID lastId) {

    private static final String VERSION = "c2";

    String encode() {
        String text = String.join("|", VERSION, fingerprint, match.code, sortKey, lastId.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor in {@code encoded}, if it is one of ours for the query with {@code fingerprint}. */
    static Cursor decode(String encoded, String fingerprint) {
        if (encoded.length() > 200) {
            throw StorefrontProblems.invalidCursor();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                throw StorefrontProblems.invalidCursor();
            }
            if (!parts[1].equals(fingerprint)) {
                throw StorefrontProblems.cursorOfAnotherQuery();
            }
            return new Cursor(parts[1], TextMatch.ofCode(parts[2]), parts[3], UUID.fromString(parts[4]));
        } catch (IllegalArgumentException malformed) {
            throw StorefrontProblems.invalidCursor();
        }
    }

    long sortKeyAsLong() {
        try {
            return Long.parseLong(sortKey);
        } catch (NumberFormatException malformed) {
            throw StorefrontProblems.invalidCursor();
        }
    }

    /** The sort key as the instant it encodes (microseconds since the epoch); one PostgreSQL cannot hold was edited. */
    OffsetDateTime sortKeyAsTimestamp() {
        return TimestampRange.ofEpochMicros(sortKeyAsLong()).orElseThrow(StorefrontProblems::invalidCursor)
                .atOffset(ZoneOffset.UTC);
    }

    float sortKeyAsFloat() {
        try {
            float value = Float.parseFloat(sortKey);
            if (!Float.isFinite(value)) {
                throw StorefrontProblems.invalidCursor();
            }
            return value;
        } catch (NumberFormatException malformed) {
            throw StorefrontProblems.invalidCursor();
        }
    }
}

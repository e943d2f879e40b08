package dev.emporium.catalog.storefront;

import dev.emporium.platform.Digests;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A rendered JSON response and its strong ETag (a digest of the bytes), kept together so a cache hit costs
 * neither serialisation nor hashing. Stored in caches as the ETag, a newline, then the body.
 */
record Representation(String etag, byte[] body) {

    static Representation of(byte[] body) {
        byte[] digest = Digests.sha256(body);
        return new Representation("\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"", body);
    }

    byte[] encode() {
        byte[] tag = (etag + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] encoded = Arrays.copyOf(tag, tag.length + body.length);
        System.arraycopy(body, 0, encoded, tag.length, body.length);
        return encoded;
    }

    static Representation decode(byte[] encoded) {
        int newline = 0;
        while (encoded[newline] != '\n') {
            newline++;
        }
        return new Representation(new String(encoded, 0, newline, StandardCharsets.US_ASCII),
                Arrays.copyOfRange(encoded, newline + 1, encoded.length));
    }
}

package dev.emporium.cart;

import dev.emporium.identity.Secrets;
import java.util.Optional;
import java.util.regex.Pattern;

/** Guest cart tokens: 256 random bits, URL-safe base64, shown once; only their SHA-256 hash is stored. */
final class CartTokens {

    private static final int BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private CartTokens() {}

    static String issue() {
        return Secrets.randomToken(BYTES);
    }

    /** What a token is stored as; empty for anything that cannot be a token we issued, so it is never hashed. */
    static Optional<byte[]> hashOf(String token) {
        return token != null && SHAPE.matcher(token).matches() ? Optional.of(Secrets.sha256(token)) : Optional.empty();
    }
}

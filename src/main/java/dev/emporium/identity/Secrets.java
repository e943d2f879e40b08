package dev.emporium.identity;

import dev.emporium.platform.Digests;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets handed to clients once, and the SHA-256 digests that are all Emporium keeps of them. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** {@code bytes} random bytes, URL-safe base64 without padding. */
    public static String randomToken(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    /** A fast hash is enough for a secret of 256 random bits: nothing can be guessed, so nothing needs slowing down. */
    public static byte[] sha256(String secret) {
        return Digests.sha256(secret);
    }
}

package dev.emporium.identity.account;

import dev.emporium.identity.IdentityProperties;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** Hashing (bcrypt, cost 12 by default) and the strength rule, in one place. */
@Component
public class Passwords {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads no further, and refuses to hash a longer password. */
    static final int MAX_BYTES = 72;
    private static final Set<String> TOO_COMMON = Set.of(
            "password1234", "123456789012", "qwertyuiopas", "iloveyou1234", "passwordpassword", "letmeinletmein",
            "administrator", "welcome12345", "changeme1234", "qwerty123456");

    private final BCryptPasswordEncoder encoder;
    /**
     * A real hash to verify against when the account does not exist, so both answers take as long. Made in the
     * background: a bcrypt hash costs a noticeable part of a second, and start-up need not wait for it.
     */
    private final CompletableFuture<String> decoyHash;

    Passwords(IdentityProperties properties) {
        this.encoder = new BCryptPasswordEncoder(properties.bcryptCost());
        this.decoyHash = new CompletableFuture<>();
        Thread.ofVirtual().name("decoy-hash").start(() -> decoyHash.complete(encoder.encode("decoy-password-never-used")));
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return password != null && encoder.matches(password, hash);
    }

    /** Spends the same work as a real check, for an unknown account. */
    void matchDecoy(String password) {
        encoder.matches(password == null ? "" : password, decoyHash.join());
    }

    /** Why the password is too weak, or empty when it is acceptable. */
    Optional<String> weakness(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must have at most " + MAX_BYTES + " bytes in UTF-8 (72 letters of the Latin alphabet, fewer of others)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (TOO_COMMON.contains(lower) || lower.chars().distinct().count() < 5) {
            return Optional.of("is too common or too repetitive");
        }
        if (email != null && lower.contains(email.toLowerCase(Locale.ROOT).split("@")[0]) && email.split("@")[0].length() >= 4) {
            return Optional.of("must not contain the email address");
        }
        return Optional.empty();
    }
}

package dev.emporium.identity.token;

import dev.emporium.identity.IdentityProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts signing keys at rest (AES-256-GCM). The key comes from {@code emporium.identity.master-key}
 * (base64, 32 bytes; every instance must share it); without it, one is generated once into a local file,
 * which suits one machine only.
 */
@Component
public class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    MasterKey(IdentityProperties properties) {
        this.key = new SecretKeySpec(resolve(properties), "AES");
    }

    byte[] encrypt(byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("Cannot encrypt with the master key", failure);
        }
    }

    byte[] decrypt(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException(
                    "Cannot decrypt a signing key: is EMPORIUM_IDENTITY_MASTER_KEY the one the keys were made with?", failure);
        }
    }

    private static byte[] resolve(IdentityProperties properties) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return decode(properties.masterKey(), "emporium.identity.master-key");
        }
        Path file = properties.masterKeyFile().toAbsolutePath().normalize();
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file).trim(), file.toString());
            }
            byte[] generated = new byte[32];
            RANDOM.nextBytes(generated);
            Files.createDirectories(file.getParent());
            try {
                // Readable by the owner only from its first byte on, not after a window in which others could read it.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(generated));
            log.warn("Generated a master key in {}; set EMPORIUM_IDENTITY_MASTER_KEY (shared by every instance) in production", file);
            return generated;
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, failure);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("The master key in " + source + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("The master key in " + source + " must be 32 bytes (base64 of 32 random bytes)");
        }
        return bytes;
    }
}

package dev.emporium.payments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provider's webhook signature: {@code Emporium-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}.
 * The timestamp inside the signed text makes a captured delivery useless once it is older than the tolerance.
 */
final class WebhookSignature {

    static final String HEADER = "Emporium-Signature";

    private final byte[] secret;
    private final Duration tolerance;
    private final Clock clock;

    WebhookSignature(byte[] secret, Duration tolerance, Clock clock) {
        this.secret = secret.clone();
        this.tolerance = tolerance;
        this.clock = clock;
    }

    String sign(String body) {
        return sign(body, clock.instant());
    }

    String sign(String body, Instant at) {
        long timestamp = at.getEpochSecond();
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(timestamp + "." + body));
    }

    /** Whether {@code header} signs {@code body} with our secret, within the tolerance of now. */
    boolean verifies(String header, String body) {
        if (header == null || header.length() > 512) {
            return false;
        }
        Long timestamp = null;
        byte[] signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                return false;
            }
            try {
                switch (pair[0]) {
                    case "t" -> timestamp = Long.parseLong(pair[1]);
                    case "v1" -> signature = HexFormat.of().parseHex(pair[1]);
                    default -> { } // other schemes are ignored, as providers add them over time
                }
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        if (timestamp == null || signature == null) {
            return false;
        }
        // Compared as seconds: any long is a valid header value, and not every one is a valid Instant.
        long now = clock.instant().getEpochSecond();
        boolean fresh = timestamp >= now - tolerance.toSeconds() && timestamp <= now + tolerance.toSeconds();
        return fresh && MessageDigest.isEqual(signature, mac(timestamp + "." + body));
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

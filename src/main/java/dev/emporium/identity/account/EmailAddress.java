package dev.emporium.identity.account;

import java.util.Locale;

/** One spelling per mailbox: trimmed and lower-cased, so {@code Ann@Shop.com } and {@code ann@shop.com} are one account. */
public final class EmailAddress {

    private EmailAddress() {}

    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}

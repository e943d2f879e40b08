package dev.emporium.catalog.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Entity versions as strong ETags ({@code "v7"}) and back from {@code If-Match}. */
final class Versions {

    private static final Pattern ETAG = Pattern.compile("\"v(\\d{1,9})\"");

    private Versions() {}

    static String etag(int version) {
        return "\"v" + version + "\"";
    }

    /** The version an {@code If-Match} names: 428 when it is missing, 412 when it names no version of ours. */
    static int expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw CatalogProblems.ifMatchRequired();
        }
        Matcher matcher = ETAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw CatalogProblems.stale();
        }
        return Integer.parseInt(matcher.group(1));
    }
}

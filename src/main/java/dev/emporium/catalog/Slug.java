package dev.emporium.catalog;

import java.util.regex.Pattern;

/** URL-safe names of products and categories: lowercase words joined by single hyphens, so never a path trick. */
public final class Slug {

    public static final String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final String MESSAGE = "lowercase letters and digits in words joined by '-'";
    public static final int MAX_LENGTH = 120;

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Slug() {}

    /** Whether {@code text} could be a slug at all: anything else names nothing, whatever the database holds. */
    public static boolean isValid(String text) {
        return text.length() <= MAX_LENGTH && COMPILED.matcher(text).matches();
    }
}

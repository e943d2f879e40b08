package dev.emporium.catalog.admin;

import java.util.function.BooleanSupplier;
import org.springframework.dao.DuplicateKeyException;

/** URL-safe names: lowercase words joined by single hyphens, so a slug can never be a path trick. */
final class Slugs {

    static final String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    static final String MESSAGE = "lowercase letters and digits in words joined by '-'";

    private Slugs() {}

    /** Runs a write that sets a unique slug, answering 409 when another {@code what} already has it. */
    static boolean unique(String what, BooleanSupplier write) {
        try {
            return write.getAsBoolean();
        } catch (DuplicateKeyException taken) {
            throw CatalogProblems.conflict("slug-taken", "Another " + what + " already has this slug.");
        }
    }
}

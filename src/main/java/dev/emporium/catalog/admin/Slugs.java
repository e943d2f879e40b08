package dev.emporium.catalog.admin;

import java.util.function.BooleanSupplier;
import org.springframework.dao.DuplicateKeyException;

/** Slugs are unique among products and among categories. */
final class Slugs {

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

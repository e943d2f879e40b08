package dev.emporium.platform.web;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A value of the request that the database refused as such: SQLSTATE class 22, "data exception" (a NUL character
 * in text, a date or number out of range). The validation of each request should have caught it; this is the net
 * below it, so the client gets a 400 rather than a 500. The value is neither echoed nor logged: the database's
 * message may quote it.
 */
public final class InvalidInput {

    public static final String TYPE = "invalid-input";
    public static final String DETAIL = "The request holds a value the database cannot take, such as a NUL character or a date out of range.";

    private static final String DATA_EXCEPTION = "22";
    /** Causes followed at most: a chain is a few links long, and a cycle must not loop. */
    private static final int MAX_CAUSES = 10;

    private InvalidInput() {}

    /** The SQLSTATE when {@code failure} is, or is caused by, the database refusing a value; empty otherwise. */
    public static Optional<String> sqlStateOf(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().startsWith(DATA_EXCEPTION) ? Optional.of(sql.getSQLState()) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}

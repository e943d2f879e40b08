package dev.emporium.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a database start-up failure into a short report instead of a wall of stack traces. */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseStartupFailure> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseStartupFailure cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}

package dev.emporium.identity.account;

import dev.emporium.identity.Scope;
import dev.emporium.platform.web.Problems;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The failures of identity, named as facts; each answers as a problem document. */
public final class IdentityProblems {

    private IdentityProblems() {}

    public static final class EmailAlreadyRegistered extends ErrorResponseException {
        EmailAlreadyRegistered() {
            super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "email-taken",
                    "An account with this email already exists."), null);
        }
    }

    /** The same answer for an unknown email, a wrong password and a disabled account. */
    public static final class InvalidCredentials extends ErrorResponseException {
        public InvalidCredentials() {
            super(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials",
                    "The email or password is wrong, or the account cannot sign in."), null);
        }
    }

    public static final class InvalidRefreshToken extends ErrorResponseException {
        public InvalidRefreshToken() {
            super(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
                    "The refresh token is unknown, expired, revoked or already used. Sign in again."), null);
        }
    }

    /** The same answer for a reset code that never existed, has expired or was used. */
    public static final class InvalidResetToken extends ErrorResponseException {
        InvalidResetToken() {
            super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "invalid-reset-token",
                    "The reset code is unknown, expired or already used. Ask for a new one."), null);
        }
    }

    public static final class WeakPassword extends ErrorResponseException {
        WeakPassword(String field, String weakness) {
            super(HttpStatus.BAD_REQUEST, invalidField(field, weakness), null);
        }
    }

    public static final class UnknownScope extends ErrorResponseException {
        public UnknownScope(String scope) {
            super(HttpStatus.BAD_REQUEST, invalidField("scopes", "unknown scope " + scope + "; known: "
                    + Arrays.stream(Scope.values()).map(Scope::value).collect(Collectors.joining(", "))), null);
        }
    }

    private static ProblemDetail invalidField(String field, String message) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "The request has 1 invalid field.");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    public static final class ApiKeyNotFound extends ErrorResponseException {
        public ApiKeyNotFound() {
            super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such API key."), null);
        }
    }

    public static final class AccountNotFound extends ErrorResponseException {
        public AccountNotFound() {
            super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such account."), null);
        }
    }
}

package dev.emporium.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * The bearer token of the {@code Authorization} header, read by the rules of Spring Security's default resolver
 * (scheme {@code Bearer} in any case, one space, then an RFC 6750 b64token: a malformed one is an invalid token, no
 * scheme is no token) but checked character by character: its regular expression over a token of several hundred
 * characters was the largest single cost of an authenticated request. Tokens are taken from the header only, never
 * from query parameters or form bodies. Modules that look at a request's token before Spring Security does read it
 * with {@link #wellFormedTokenOf}, by the same rules.
 */
public final class AuthorizationHeaderBearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "Bearer";

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!isBearer(authorization)) {
            return null;
        }
        String token = tokenOf(authorization);
        if (token == null) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return token;
    }

    /** The request's bearer token, or null when it carries none or a malformed one. */
    public static String wellFormedTokenOf(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return isBearer(authorization) ? tokenOf(authorization) : null;
    }

    private static boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /** The b64token after "Bearer ", or null when the rest of the header is not exactly one. */
    private static String tokenOf(String authorization) {
        int start = SCHEME.length() + 1;
        if (authorization.length() <= start || authorization.charAt(start - 1) != ' ') {
            return null;
        }
        int end = start;
        while (end < authorization.length() && isTokenCharacter(authorization.charAt(end))) {
            end++;
        }
        if (end == start) {
            return null;
        }
        for (int padding = end; padding < authorization.length(); padding++) {
            if (authorization.charAt(padding) != '=') {
                return null;
            }
        }
        return authorization.substring(start);
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}

package dev.emporium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class AuthorizationHeaderBearerTokensTest {

    private final AuthorizationHeaderBearerTokens resolver = new AuthorizationHeaderBearerTokens();
    private final DefaultBearerTokenResolver springDefault = new DefaultBearerTokenResolver();

    private static MockHttpServletRequest withAuthorization(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (value != null) {
            request.addHeader("Authorization", value);
        }
        return request;
    }

    @Test
    void readsTheTokenAsSpringSecuritysDefaultResolverDoes() {
        for (String header : new String[] {"Bearer eyJ.abc-_~+/.xyz", "bearer abc", "BEARER abc==", "Bearer a=",
                "Bearer 0123456789"}) {
            assertThat(resolver.resolve(withAuthorization(header))).as(header)
                    .isEqualTo(springDefault.resolve(withAuthorization(header)))
                    .isEqualTo(header.substring("Bearer ".length()));
        }
    }

    @Test
    void aWellFormedTokenIsReadForOthersByTheSameRulesAndNothingElse() {
        assertThat(AuthorizationHeaderBearerTokens.wellFormedTokenOf(withAuthorization("bearer abc.def=="))).isEqualTo("abc.def==");
        assertThat(AuthorizationHeaderBearerTokens.wellFormedTokenOf(withAuthorization("Bearer a b"))).isNull();
        assertThat(AuthorizationHeaderBearerTokens.wellFormedTokenOf(withAuthorization("Basic dXNlcjpwYXNz"))).isNull();
        assertThat(AuthorizationHeaderBearerTokens.wellFormedTokenOf(withAuthorization(null))).isNull();
    }

    @Test
    void noBearerSchemeIsNoToken() {
        for (String header : new String[] {null, "", "Basic dXNlcjpwYXNz", "Bear abc", "Token abc"}) {
            assertThat(resolver.resolve(withAuthorization(header))).as(String.valueOf(header)).isNull();
            assertThat(springDefault.resolve(withAuthorization(header))).as(String.valueOf(header)).isNull();
        }
    }

    @Test
    void aMalformedBearerTokenIsInvalidAsWithSpringSecuritysDefaultResolver() {
        for (String header : new String[] {"Bearer", "Bearer ", "Bearerabc", "Bearer  abc", "Bearer a b", "Bearer abc ",
                "Bearer ab$c", "Bearer =abc", "Bearer abc=d", "Bearer é", "Bearer abc\n"}) {
            assertThatThrownBy(() -> resolver.resolve(withAuthorization(header))).as(header)
                    .isInstanceOf(OAuth2AuthenticationException.class)
                    .hasMessage("Bearer token is malformed");
            assertThatThrownBy(() -> springDefault.resolve(withAuthorization(header))).as(header)
                    .isInstanceOf(OAuth2AuthenticationException.class);
        }
    }
}

package dev.emporium.identity.web;

import dev.emporium.identity.apikey.ApiKeyAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authentication")
class WhoAmIController {

    /** Who the credentials of this request identify, whatever their kind: a quick check for client developers. */
    record Caller(String kind, String subject, List<String> authorities) {}

    @GetMapping("/api/v1/auth/whoami")
    @Operation(summary = "The caller behind this request's credentials")
    Caller whoAmI(Authentication authentication) {
        String kind = authentication instanceof ApiKeyAuthentication ? "api_key" : "token";
        return new Caller(kind, authentication.getName(),
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
    }
}

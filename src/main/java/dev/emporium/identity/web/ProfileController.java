package dev.emporium.identity.web;

import dev.emporium.identity.Role;
import dev.emporium.identity.account.AccountService;
import dev.emporium.identity.account.IdentityProblems.AccountNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Profile")
@SecurityRequirement(name = "bearer")
class ProfileController {

    private final AccountService accounts;

    ProfileController(AccountService accounts) {
        this.accounts = accounts;
    }

    record ProfileChange(@NotBlank @Size(max = 100) String name) {}

    record PasswordChange(@NotBlank @Size(max = 128) String currentPassword, @NotBlank @Size(max = 128) String newPassword) {}

    @GetMapping("/api/v1/me")
    @Operation(summary = "The signed-in account")
    ProfileResponse me(@AuthenticationPrincipal Jwt token) {
        return ProfileResponse.of(accounts.profile(subjectOf(token)));
    }

    @PatchMapping("/api/v1/me")
    @Operation(summary = "Change the signed-in account's name")
    ProfileResponse rename(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ProfileChange change) {
        return ProfileResponse.of(accounts.rename(subjectOf(token), change.name()));
    }

    @PostMapping("/api/v1/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the password", description = "Ends every session (refresh token) of the account.")
    void changePassword(@AuthenticationPrincipal Jwt token, @Valid @RequestBody PasswordChange change) {
        accounts.changePassword(subjectOf(token), change.currentPassword(), change.newPassword());
    }

    /** An account by id: its owner and administrators see it; to anyone else it does not exist (404, not 403). */
    @GetMapping("/api/v1/customers/{id}")
    @Operation(summary = "An account by id (owner or admin)")
    ProfileResponse byId(@PathVariable UUID id, JwtAuthenticationToken caller) {
        boolean admin = caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
        if (!admin && !id.equals(subjectOf(caller.getToken()))) {
            throw new AccountNotFound();
        }
        return ProfileResponse.of(accounts.profile(id));
    }

    /** Emporium's own tokens carry an account id; an external issuer's subject is no account here. */
    static UUID subjectOf(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException notOurs) {
            throw new AccountNotFound();
        }
    }
}

package dev.emporium.identity.web;

import dev.emporium.identity.Role;
import dev.emporium.identity.account.AccountService;
import dev.emporium.identity.account.IdentityProblems.AccountNotFound;
import dev.emporium.platform.web.FreeText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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

    record ProfileChange(@NotBlank @Size(max = 100) @FreeText String name) {}

    record PasswordChange(@NotBlank @Size(max = 128) String currentPassword, @NotBlank @Size(max = 128) String newPassword) {}

    @GetMapping("/api/v1/me")
    @Operation(summary = "The signed-in account")
    ProfileResponse me(Authentication caller) {
        return ProfileResponse.of(accounts.profile(accountOf(caller)));
    }

    @PatchMapping("/api/v1/me")
    @Operation(summary = "Change the signed-in account's name")
    ProfileResponse rename(Authentication caller, @Valid @RequestBody ProfileChange change) {
        return ProfileResponse.of(accounts.rename(accountOf(caller), change.name()));
    }

    @PostMapping("/api/v1/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the password", description = "Ends every session (refresh token) of the account.")
    void changePassword(Authentication caller, @Valid @RequestBody PasswordChange change) {
        accounts.changePassword(accountOf(caller), change.currentPassword(), change.newPassword());
    }

    /** An account by id: its owner and administrators see it; to anyone else it does not exist (404, not 403). */
    @GetMapping("/api/v1/customers/{id}")
    @Operation(summary = "An account by id (owner or admin)")
    ProfileResponse byId(@PathVariable UUID id, Authentication caller) {
        boolean admin = caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
        if (!admin && !id.equals(accountOf(caller))) {
            throw new AccountNotFound();
        }
        return ProfileResponse.of(accounts.profile(id));
    }

    /**
     * Emporium's own access tokens name an account id; API keys and an external issuer's subjects are named apart
     * ({@code apikey:…}, {@code external:…}) and are no account here.
     */
    static UUID accountOf(Authentication caller) {
        try {
            return UUID.fromString(caller.getName());
        } catch (IllegalArgumentException | NullPointerException notOurs) {
            throw new AccountNotFound();
        }
    }
}

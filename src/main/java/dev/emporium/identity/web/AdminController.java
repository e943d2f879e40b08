package dev.emporium.identity.web;

import dev.emporium.identity.Role;
import dev.emporium.identity.account.AccountService;
import dev.emporium.identity.token.SigningKeys;
import dev.emporium.platform.web.FreeText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administration of accounts and keys; only {@code admin} reaches it (see {@link IdentityRoutes}). */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
class AdminController {

    private final AccountService accounts;
    private final SigningKeys signingKeys;

    AdminController(AccountService accounts, SigningKeys signingKeys) {
        this.accounts = accounts;
        this.signingKeys = signingKeys;
    }

    record NewStaff(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password,
            @Size(max = 100) @FreeText String name,
            @NotEmpty List<@NotNull Role> roles) {}

    @PostMapping("/customers/{id}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Disable an account", description = "Its refresh tokens stop at once; its access tokens within their lifetime.")
    void disable(@PathVariable UUID id) {
        accounts.disable(id);
    }

    @PostMapping("/customers/{id}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Enable a disabled account")
    void enable(@PathVariable UUID id) {
        accounts.enable(id);
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a staff account with roles")
    ProfileResponse createStaff(@Valid @RequestBody NewStaff staff) {
        return ProfileResponse.of(accounts.createStaff(staff.email(), staff.password(),
                staff.name() == null ? "" : staff.name().strip(), staff.roles()));
    }

    @PostMapping("/keys/rotate")
    @Operation(summary = "Rotate the token signing key", description = "Old keys stay published until their tokens expire.")
    Map<String, String> rotateSigningKey() {
        return Map.of("kid", signingKeys.rotate());
    }
}

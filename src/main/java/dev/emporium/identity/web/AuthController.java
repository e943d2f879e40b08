package dev.emporium.identity.web;

import dev.emporium.identity.account.Account;
import dev.emporium.identity.account.AccountService;
import dev.emporium.identity.account.AccountService.Tokens;
import dev.emporium.platform.web.FreeText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

    private final AccountService accounts;

    AuthController(AccountService accounts) {
        this.accounts = accounts;
    }

    record Registration(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password,
            @Size(max = 100) @FreeText String name) {}

    record Credentials(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {}

    record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {}

    record ResetRequest(@NotBlank @Size(max = 254) String email) {}

    record NewPassword(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 128) String newPassword) {}

    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {
        static TokenResponse of(Tokens tokens) {
            return new TokenResponse(tokens.access().value(), "Bearer", tokens.access().expiresInSeconds(),
                    tokens.refresh().value(), tokens.refresh().expiresInSeconds());
        }
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a customer account", description = "Emails are case-insensitive and unique (409 when taken).")
    ProfileResponse register(@Valid @RequestBody Registration registration) {
        Account account = accounts.register(registration.email(), registration.password(), registration.name());
        return ProfileResponse.of(account);
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in", description = "Answers 401 alike for an unknown email, a wrong password and a disabled account.")
    TokenResponse login(@Valid @RequestBody Credentials credentials) {
        return TokenResponse.of(accounts.login(credentials.email(), credentials.password()));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for a new pair", description = "Each refresh token works once; reuse revokes its family.")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return TokenResponse.of(accounts.refresh(request.refreshToken()));
    }

    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask for a password reset code",
            description = "If an active account has this email, its holder is sent a single-use code (see the account_messages "
                    + "outbox in docs/authentication.md). The answer is 202 either way, so it tells nobody whether the email is registered.")
    void requestPasswordReset(@Valid @RequestBody ResetRequest request) {
        accounts.requestPasswordReset(request.email());
    }

    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password with a reset code",
            description = "The code works once, within emporium.identity.password-reset-ttl. Every session of the account ends; sign in again.")
    void resetPassword(@Valid @RequestBody NewPassword request) {
        accounts.resetPassword(request.token(), request.newPassword());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign out", description = "Revokes the refresh token's family; access tokens end with their lifetime.")
    void logout(@Valid @RequestBody RefreshRequest request) {
        accounts.logout(request.refreshToken());
    }
}

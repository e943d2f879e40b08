package dev.emporium.identity.account;

import dev.emporium.identity.AdminProperties;
import dev.emporium.identity.IdentityProperties;
import dev.emporium.identity.Role;
import dev.emporium.identity.Secrets;
import dev.emporium.identity.account.IdentityProblems.EmailAlreadyRegistered;
import dev.emporium.identity.account.IdentityProblems.InvalidCredentials;
import dev.emporium.identity.account.IdentityProblems.InvalidRefreshToken;
import dev.emporium.identity.account.IdentityProblems.WeakPassword;
import dev.emporium.identity.token.AccessTokens;
import dev.emporium.identity.token.AccessTokens.AccessToken;
import dev.emporium.identity.token.RefreshTokens;
import dev.emporium.identity.token.RefreshTokens.Issued;
import dev.emporium.identity.token.RefreshTokens.Use;
import dev.emporium.platform.ratelimit.RateLimitDecision;
import dev.emporium.platform.ratelimit.RateLimitExceededException;
import dev.emporium.platform.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration, sign-in, token refresh, sign-out, and what an account may change about itself or staff about it. */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    static final String LOGIN_ATTEMPTS_PLAN = "login-account";
    static final String RESET_REQUESTS_PLAN = "reset-account";

    private final Accounts accounts;
    private final Passwords passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final PasswordResets passwordResets;
    private final AccountMessages messages;
    private final TransactionTemplate transactions;
    private final RateLimiter rateLimiter;
    private final AdminProperties firstAdmin;
    private final IdentityProperties properties;

    AccountService(Accounts accounts, Passwords passwords, AccessTokens accessTokens, RefreshTokens refreshTokens,
            PasswordResets passwordResets, AccountMessages messages, TransactionTemplate transactions,
            RateLimiter rateLimiter, AdminProperties firstAdmin, IdentityProperties properties) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.passwordResets = passwordResets;
        this.messages = messages;
        this.transactions = transactions;
        this.rateLimiter = rateLimiter;
        this.firstAdmin = firstAdmin;
        this.properties = properties;
    }

    /** What a successful sign-in or refresh hands the client. */
    public record Tokens(AccessToken access, Issued refresh) {}

    public Account register(String email, String password, String displayName) {
        String normalised = EmailAddress.normalise(email);
        passwords.weakness(password, normalised).ifPresent(weakness -> {
            throw new WeakPassword("password", weakness);
        });
        return accounts.insert(UUID.randomUUID(), normalised, passwords.hash(password), displayName == null ? "" : displayName.strip(),
                        List.of(Role.CUSTOMER))
                .orElseThrow(EmailAlreadyRegistered::new);
    }

    /**
     * Unknown email, wrong password, disabled account: one answer, after the same amount of hashing work. Each
     * email has its own small bucket of attempts (besides the per-address limit on the route), so guessing one
     * account's password from many addresses is throttled too.
     */
    public Tokens login(String email, String password) {
        String normalised = EmailAddress.normalise(email);
        RateLimitDecision attempts = rateLimiter.tryConsume("account:" + normalised, LOGIN_ATTEMPTS_PLAN);
        if (!attempts.allowed()) {
            throw new RateLimitExceededException(attempts);
        }
        Optional<Account> account = accounts.byEmail(normalised);
        if (account.isEmpty()) {
            passwords.matchDecoy(password);
            throw new InvalidCredentials();
        }
        if (!passwords.matches(password, account.get().passwordHash()) || account.get().disabled()) {
            throw new InvalidCredentials();
        }
        return transactions.execute(status -> tokensFor(account.get(), UUID.randomUUID()));
    }

    /**
     * Spends the refresh token and issues the next pair in the same family. The spending (and, for a replayed
     * token, the family's revocation) commits even though the client then gets 401.
     */
    public Tokens refresh(String refreshToken) {
        Optional<Tokens> next = transactions.execute(status -> switch (refreshTokens.use(refreshToken)) {
            case Use.Spent spent -> accounts.byId(spent.accountId())
                    .filter(account -> !account.disabled())
                    .map(account -> tokensFor(account, spent.familyId()));
            case Use.Replayed replayed -> {
                log.warn("A used refresh token was presented again; its family is revoked");
                yield Optional.empty();
            }
            case Use.Invalid invalid -> Optional.empty();
        });
        return next.orElseThrow(InvalidRefreshToken::new);
    }

    public void logout(String refreshToken) {
        refreshTokens.revokeFamilyOf(refreshToken);
    }

    public Account profile(UUID id) {
        return accounts.byId(id).orElseThrow(IdentityProblems.AccountNotFound::new);
    }

    public Account rename(UUID id, String displayName) {
        return accounts.rename(id, displayName.strip()).orElseThrow(IdentityProblems.AccountNotFound::new);
    }

    /** A new password ends every session of the account: a thief's refresh tokens stop with the owner's. */
    @Transactional
    public void changePassword(UUID id, String currentPassword, String newPassword) {
        Account account = profile(id);
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            throw new InvalidCredentials();
        }
        passwords.weakness(newPassword, account.email()).ifPresent(weakness -> {
            throw new WeakPassword("newPassword", weakness);
        });
        accounts.changePasswordHash(id, passwords.hash(newPassword));
        refreshTokens.revokeAllOf(id);
    }

    /**
     * A forgotten password: the account holder is sent a single-use code. The caller learns nothing about the
     * email either way, so unknown and disabled accounts get the same answer and no message. Each email has its own
     * small bucket of requests, whether or not an account has it, so nobody's inbox can be flooded.
     */
    public void requestPasswordReset(String email) {
        String normalised = EmailAddress.normalise(email);
        RateLimitDecision requests = rateLimiter.tryConsume("reset:" + normalised, RESET_REQUESTS_PLAN);
        if (!requests.allowed()) {
            throw new RateLimitExceededException(requests);
        }
        accounts.byEmail(normalised).filter(account -> !account.disabled()).ifPresent(this::sendResetCode);
    }

    /** The code and the message carrying it commit together: no message without a code, no code unsent. */
    private void sendResetCode(Account account) {
        Duration ttl = properties.passwordResetTtl();
        transactions.executeWithoutResult(status -> messages.passwordReset(account, passwordResets.issue(account.id(), ttl), ttl));
    }

    /**
     * Spends the code and sets the new password, in one transaction: a weak password rolls the spending back, so
     * the code still works for a better one. Like a password change, it ends every session of the account, and
     * every other code sent before stops working.
     */
    @Transactional
    public void resetPassword(String token, String newPassword) {
        UUID accountId = passwordResets.spend(token).orElseThrow(IdentityProblems.InvalidResetToken::new);
        Account account = profile(accountId);
        passwords.weakness(newPassword, account.email()).ifPresent(weakness -> {
            throw new WeakPassword("newPassword", weakness);
        });
        accounts.changePasswordHash(accountId, passwords.hash(newPassword));
        passwordResets.spendAllOf(accountId);
        refreshTokens.revokeAllOf(accountId);
    }

    /** Refresh tokens stop at once; access tokens already issued end within their short lifetime. */
    @Transactional
    public void disable(UUID id) {
        if (!accounts.setDisabled(id, true)) {
            throw new IdentityProblems.AccountNotFound();
        }
        refreshTokens.revokeAllOf(id);
    }

    public void enable(UUID id) {
        if (!accounts.setDisabled(id, false)) {
            throw new IdentityProblems.AccountNotFound();
        }
    }

    public Account createStaff(String email, String password, String displayName, List<Role> roles) {
        String normalised = EmailAddress.normalise(email);
        passwords.weakness(password, normalised).ifPresent(weakness -> {
            throw new WeakPassword("password", weakness);
        });
        return accounts.insert(UUID.randomUUID(), normalised, passwords.hash(password), displayName, roles)
                .orElseThrow(EmailAlreadyRegistered::new);
    }

    private Tokens tokensFor(Account account, UUID familyId) {
        return new Tokens(accessTokens.issue(account.id(), account.roleClaims()), refreshTokens.issue(account.id(), familyId));
    }

    /** The first administrator: from EMPORIUM_ADMIN_EMAIL/PASSWORD, or with a generated password printed once. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureAnAdministrator() {
        if (accounts.anyWithRole(Role.ADMIN)) {
            return;
        }
        String email = EmailAddress.normalise(firstAdmin.email() != null && !firstAdmin.email().isBlank()
                ? firstAdmin.email() : "admin@emporium.local");
        boolean generated = firstAdmin.password() == null || firstAdmin.password().isBlank();
        String password = generated ? Secrets.randomToken(18) : firstAdmin.password();
        Optional<Account> created = accounts.insert(UUID.randomUUID(), email, passwords.hash(password), "Administrator",
                List.of(Role.ADMIN));
        if (created.isEmpty()) {
            log.warn("No administrator exists and {} is taken by another account; set EMPORIUM_ADMIN_EMAIL", email);
            return;
        }
        log.info("Created the first administrator {}", email);
        if (generated) {
            // Printed once to the console, deliberately not through the logs: log pipelines keep what they see.
            System.out.println("\nEmporium: first administrator " + email + " with generated password: " + password
                    + "\n          (shown once; set EMPORIUM_ADMIN_EMAIL and EMPORIUM_ADMIN_PASSWORD to choose them)\n");
        }
    }
}

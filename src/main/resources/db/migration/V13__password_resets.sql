-- Forgotten passwords. A reset token is stored only as its SHA-256 hash, works once and for a short time
-- (emporium.identity.password-reset-ttl); a new password spends every other open token of the account.
CREATE TABLE password_resets (
    token_hash  bytea PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX password_resets_open ON password_resets (account_id) WHERE used_at IS NULL;

-- What Emporium has to tell an account holder by email, written in the transaction that decided it. Emporium
-- sends no mail itself: a mail sender takes the unsent rows (oldest first), delivers them, and sets sent_at
-- (docs/authentication.md). The body of a reset message holds the token until then, as any mail queue would.
CREATE TABLE account_messages (
    id          uuid PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    recipient   text        NOT NULL,
    kind        text        NOT NULL,
    subject     text        NOT NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz
);
CREATE INDEX account_messages_unsent ON account_messages (created_at) WHERE sent_at IS NULL;

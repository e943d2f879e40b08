-- Customers and staff share one table: the same login, tokens and disabling apply to both;
-- what they may do is in roles.
CREATE TABLE accounts (
    id             uuid PRIMARY KEY,
    email          text        NOT NULL,
    password_hash  text        NOT NULL,
    display_name   text        NOT NULL DEFAULT '',
    roles          text[]      NOT NULL,
    disabled_at    timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        integer     NOT NULL DEFAULT 0,
    CONSTRAINT accounts_email_normalised CHECK (email = lower(btrim(email)))
);
CREATE UNIQUE INDEX accounts_email ON accounts (email);

-- Token signing keys. The private part is encrypted with the master key (AES-GCM); a retired key
-- signs nothing but stays published until every token it signed has expired (published_until).
CREATE TABLE signing_keys (
    kid                    text PRIMARY KEY,
    algorithm              text        NOT NULL,
    public_jwk             text        NOT NULL,
    private_key_encrypted  bytea       NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    retired_at             timestamptz,
    published_until        timestamptz
);
CREATE INDEX signing_keys_published ON signing_keys (published_until);

-- Refresh tokens are stored only as SHA-256 hashes. Each login starts a family; each refresh uses one
-- token up and issues the next in the same family. A used token presented again revokes the family.
CREATE TABLE refresh_tokens (
    token_hash  bytea PRIMARY KEY,
    family_id   uuid        NOT NULL,
    account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    issued_at   timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_account ON refresh_tokens (account_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at);

-- API keys for server-to-server clients: the prefix finds the row, the hash proves the secret.
CREATE TABLE api_keys (
    id            uuid PRIMARY KEY,
    prefix        text        NOT NULL UNIQUE,
    secret_hash   bytea       NOT NULL,
    name          text        NOT NULL,
    scopes        text[]      NOT NULL,
    plan          text        NOT NULL,
    created_by    uuid        REFERENCES accounts (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz,
    last_used_at  timestamptz
);

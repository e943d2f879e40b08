-- Carts. A guest cart is found by the SHA-256 hash of its token (the token itself is shown once and never
-- stored); a customer cart by its owner, one per customer. Exactly one of the two is set.
-- No foreign keys into identity or the catalog: the cart module owns only its own tables. A cart of a
-- deleted account expires like any other; a line whose variant was deleted is shown as no longer purchasable.
CREATE TABLE carts (
    id               uuid PRIMARY KEY,
    token_hash       bytea,
    customer_id      uuid,
    country          text,
    shipping_option  text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    -- Last activity plus the time to live of its kind; past it the cart is gone for readers, whether or
    -- not the sweeper has deleted it yet.
    expires_at       timestamptz NOT NULL,
    CONSTRAINT carts_one_owner CHECK ((token_hash IS NULL) <> (customer_id IS NULL)),
    CONSTRAINT carts_country_format CHECK (country ~ '^[A-Z]{2}$')
);
CREATE UNIQUE INDEX carts_token ON carts (token_hash) WHERE token_hash IS NOT NULL;
CREATE UNIQUE INDEX carts_customer ON carts (customer_id) WHERE customer_id IS NOT NULL;
-- The sweeper's batches, oldest expiry first.
CREATE INDEX carts_expiry ON carts (expires_at);

-- One line per variant. sku and title are what the variant was called when last set, kept only to name a
-- line whose variant has since been deleted; prices are never stored, every read asks the catalog.
CREATE TABLE cart_lines (
    cart_id     uuid        NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    variant_id  uuid        NOT NULL,
    quantity    integer     NOT NULL,
    sku         text        NOT NULL,
    title       text        NOT NULL,
    added_at    timestamptz NOT NULL,
    PRIMARY KEY (cart_id, variant_id),
    CONSTRAINT cart_lines_quantity CHECK (quantity BETWEEN 1 AND 99)
);

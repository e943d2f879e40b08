-- Stock per variant. Every change is one conditional UPDATE whose WHERE holds the rule it must keep, and the
-- CHECKs below hold the same rules again: whatever the application gets wrong, stock never goes negative
-- and no more is reserved than is on hand.
CREATE TABLE stock (
    variant_id  uuid PRIMARY KEY REFERENCES product_variants (id) ON DELETE CASCADE,
    on_hand     integer     NOT NULL DEFAULT 0,
    reserved    integer     NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     integer     NOT NULL DEFAULT 0,
    CONSTRAINT stock_on_hand_not_negative CHECK (on_hand >= 0),
    CONSTRAINT stock_reserved_not_negative CHECK (reserved >= 0),
    CONSTRAINT stock_reserved_within_on_hand CHECK (reserved <= on_hand)
);

-- Staff corrections of on hand: who, when, why, and the level they left.
CREATE TABLE stock_adjustments (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    variant_id     uuid        NOT NULL REFERENCES stock (variant_id) ON DELETE CASCADE,
    delta          integer     NOT NULL,
    on_hand_after  integer     NOT NULL,
    reason         text        NOT NULL,
    actor          text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stock_adjustments_delta CHECK (delta <> 0),
    CONSTRAINT stock_adjustments_reason CHECK (length(reason) BETWEEN 1 AND 500)
);
-- The admin view: a variant's latest adjustments.
CREATE INDEX stock_adjustments_variant ON stock_adjustments (variant_id, id DESC);

-- Units held for an order until it is paid (committed), given back (released) or expires (released by the
-- sweeper). A row leaves 'active' exactly once: every transition is conditional on status = 'active'.
CREATE TABLE stock_reservations (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id        uuid        NOT NULL,
    variant_id      uuid        NOT NULL REFERENCES stock (variant_id) ON DELETE CASCADE,
    quantity        integer     NOT NULL,
    status          text        NOT NULL DEFAULT 'active',
    expires_at      timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    committed_at    timestamptz,
    released_at     timestamptz,
    release_reason  text,
    CONSTRAINT stock_reservations_quantity CHECK (quantity > 0),
    CONSTRAINT stock_reservations_status CHECK (status IN ('active', 'committed', 'released')),
    CONSTRAINT stock_reservations_committed CHECK ((status = 'committed') = (committed_at IS NOT NULL)),
    CONSTRAINT stock_reservations_released CHECK ((status = 'released') = (released_at IS NOT NULL AND release_reason IS NOT NULL))
);
-- Commit and release find an order's reservations.
CREATE INDEX stock_reservations_order ON stock_reservations (order_id);
-- The sweeper walks active reservations by expiry; settled ones are not in the index at all.
CREATE INDEX stock_reservations_expiry ON stock_reservations (expires_at) WHERE status = 'active';

-- Orders, their lines (prices as they were at checkout), checkout idempotency keys, payments and the provider's
-- webhook events. Every amount is in minor units of the order's currency.

CREATE SEQUENCE order_numbers START 1000;

CREATE TABLE orders (
    id               uuid PRIMARY KEY,
    number           bigint      NOT NULL DEFAULT nextval('order_numbers'),
    customer_id      uuid        NOT NULL,
    status           text        NOT NULL,
    currency         char(3)     NOT NULL,
    subtotal         bigint      NOT NULL,
    tax              bigint      NOT NULL,
    shipping         bigint      NOT NULL,
    grand_total      bigint      NOT NULL,
    country          text,
    shipping_option  text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          integer     NOT NULL DEFAULT 0,
    CONSTRAINT orders_status CHECK (status IN ('pending_payment', 'paid', 'fulfilled', 'shipped', 'completed', 'cancelled', 'refunded')),
    CONSTRAINT orders_amounts CHECK (subtotal >= 0 AND tax >= 0 AND shipping >= 0 AND grand_total = subtotal + tax + shipping)
);
CREATE UNIQUE INDEX orders_number ON orders (number);
-- A customer's orders, newest first; staff search by status and date.
CREATE INDEX orders_customer ON orders (customer_id, created_at DESC, id DESC);
CREATE INDEX orders_status_created ON orders (status, created_at DESC, id DESC);
CREATE INDEX orders_created ON orders (created_at DESC, id DESC);

CREATE TABLE order_lines (
    order_id    uuid    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    variant_id  uuid    NOT NULL,
    sku         text    NOT NULL,
    title       text    NOT NULL,
    quantity    integer NOT NULL CHECK (quantity > 0),
    unit_price  bigint  NOT NULL CHECK (unit_price >= 0),
    line_total  bigint  NOT NULL,
    PRIMARY KEY (order_id, variant_id)
);

CREATE TABLE order_transitions (
    order_id     uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    from_status  text,
    to_status    text        NOT NULL,
    actor        text        NOT NULL,
    reason       text,
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_transitions_order ON order_transitions (order_id, at);

-- What a checkout with an Idempotency-Key answered: a replay gets the same status and body. The key is scoped to
-- the customer, so two customers' keys never collide.
CREATE TABLE idempotency_keys (
    customer_id     uuid        NOT NULL,
    key             text        NOT NULL,
    request_hash    bytea       NOT NULL,
    response_status integer,
    response_body   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (customer_id, key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

-- The confirmation a customer gets once an order is paid: written once per order, whatever retries happen.
CREATE TABLE order_confirmations (
    order_id    uuid PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    customer_id uuid        NOT NULL,
    message     text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payments (
    intent_id   text PRIMARY KEY,
    provider    text        NOT NULL,
    order_id    uuid        NOT NULL,
    amount      bigint      NOT NULL,
    currency    char(3)     NOT NULL,
    status      text        NOT NULL,
    failure     text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payments_status CHECK (status IN ('requires_confirmation', 'succeeded', 'failed', 'cancelled'))
);
CREATE INDEX payments_order ON payments (order_id);

-- Each webhook event once: a provider delivers at least once, so a second delivery finds its id here.
CREATE TABLE payment_events (
    provider     text        NOT NULL,
    event_id     text        NOT NULL,
    type         text        NOT NULL,
    intent_id    text        NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, event_id)
);

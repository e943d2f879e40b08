-- The catalog. Every storefront query filters on status = 'published', so its indexes are partial on
-- that: drafts and archived products cost the storefront nothing.

CREATE TABLE categories (
    id          uuid PRIMARY KEY,
    parent_id   uuid REFERENCES categories (id),
    slug        text        NOT NULL,
    name        text        NOT NULL,
    position    integer     NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     integer     NOT NULL DEFAULT 0,
    CONSTRAINT categories_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT categories_not_own_parent CHECK (parent_id <> id)
);
CREATE UNIQUE INDEX categories_slug ON categories (slug);
CREATE INDEX categories_parent ON categories (parent_id, position);

CREATE TABLE products (
    id            uuid PRIMARY KEY,
    slug          text        NOT NULL,
    title         text        NOT NULL,
    description   text        NOT NULL DEFAULT '',
    brand         text        NOT NULL DEFAULT '',
    category_id   uuid REFERENCES categories (id),
    attributes    jsonb       NOT NULL DEFAULT '{}',
    status        text        NOT NULL DEFAULT 'draft',
    -- The lowest variant price in the shop's currency, kept by the application with the variants: what
    -- listings sort and filter by, without a join.
    price_from    bigint,
    currency      char(3),
    published_at  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       integer     NOT NULL DEFAULT 0,
    -- Title outranks brand, brand outranks description.
    search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', brand), 'B')
        || setweight(to_tsvector('english', description), 'C')) STORED,
    CONSTRAINT products_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT products_status CHECK (status IN ('draft', 'published', 'archived')),
    CONSTRAINT products_published_has_price CHECK (status <> 'published' OR (price_from IS NOT NULL AND published_at IS NOT NULL)),
    CONSTRAINT products_attributes_object CHECK (jsonb_typeof(attributes) = 'object')
);
CREATE UNIQUE INDEX products_slug ON products (slug);
-- Listings: one category, newest first or by price, walked by keyset.
CREATE INDEX products_category_newest ON products (category_id, published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX products_category_price ON products (category_id, price_from, id) WHERE status = 'published';
-- The same without a category.
CREATE INDEX products_newest ON products (published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX products_price ON products (price_from, id) WHERE status = 'published';
-- Brand filter and brand facet.
CREATE INDEX products_brand ON products (brand, published_at DESC) WHERE status = 'published';
-- Attribute filters: attributes @> '{"colour":"black"}'.
CREATE INDEX products_attributes ON products USING gin (attributes jsonb_path_ops) WHERE status = 'published';
-- Full-text search, and trigrams of the title for typos.
CREATE INDEX products_search ON products USING gin (search_vector) WHERE status = 'published';
CREATE INDEX products_title_trigrams ON products USING gin (title gin_trgm_ops) WHERE status = 'published';
CREATE INDEX products_admin_updated ON products (updated_at DESC, id DESC);

CREATE TABLE product_variants (
    id            uuid PRIMARY KEY,
    product_id    uuid        NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    sku           text        NOT NULL,
    options       jsonb       NOT NULL DEFAULT '{}',
    price_minor   bigint      NOT NULL,
    currency      char(3)     NOT NULL,
    weight_grams  integer,
    position      integer     NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       integer     NOT NULL DEFAULT 0,
    CONSTRAINT product_variants_price CHECK (price_minor >= 0),
    CONSTRAINT product_variants_weight CHECK (weight_grams IS NULL OR weight_grams >= 0),
    CONSTRAINT product_variants_currency CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT product_variants_options_object CHECK (jsonb_typeof(options) = 'object')
);
CREATE UNIQUE INDEX product_variants_sku ON product_variants (sku);
CREATE INDEX product_variants_product ON product_variants (product_id, position);

CREATE TABLE product_images (
    product_id  uuid    NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position    integer NOT NULL,
    url         text    NOT NULL,
    alt         text    NOT NULL DEFAULT '',
    PRIMARY KEY (product_id, position)
);

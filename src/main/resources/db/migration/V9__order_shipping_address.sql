-- Where an order ships: name, street lines, postal code, city and country, as the customer gave them at checkout.
-- Orders placed before this column existed have none.
ALTER TABLE orders ADD COLUMN shipping_address jsonb
    CHECK (shipping_address IS NULL OR jsonb_typeof(shipping_address) = 'object');

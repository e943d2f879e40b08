-- A captured payment can be given back: after a staff refund, or when it arrived for an order already cancelled.
ALTER TABLE payments DROP CONSTRAINT payments_status;
ALTER TABLE payments ADD CONSTRAINT payments_status
    CHECK (status IN ('requires_confirmation', 'succeeded', 'failed', 'cancelled', 'refunded'));

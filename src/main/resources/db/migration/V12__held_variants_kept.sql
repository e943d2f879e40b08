-- A variant held for an unpaid order cannot be deleted: its reservation would vanish with it (the cascade from
-- product_variants through stock), and the order could then be paid for stock nobody holds. Staff delete it once
-- the hold has ended (paid, cancelled or expired). The stock row is locked first, so a reservation being made
-- at the same moment is either seen here or waits for the delete.
CREATE FUNCTION stock_keep_held() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM stock WHERE variant_id = OLD.variant_id FOR UPDATE;
    IF EXISTS (SELECT 1 FROM stock_reservations WHERE variant_id = OLD.variant_id AND status = 'active') THEN
        RAISE EXCEPTION 'variant % is held for an unpaid order', OLD.variant_id USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
END
$$;

CREATE TRIGGER stock_keep_held BEFORE DELETE ON stock FOR EACH ROW EXECUTE FUNCTION stock_keep_held();

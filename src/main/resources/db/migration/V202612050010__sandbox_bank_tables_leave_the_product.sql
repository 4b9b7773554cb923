-- The sandbox bank now migrates its own tables (classpath:db/sandbox-bank, its own history in its schema) when its
-- beans start, so a database that never uses it gets none of them. V202611211020 stays as history: it is applied in
-- existing databases and an applied migration is never edited, so fresh databases still run it and this one takes
-- its tables away again.
-- Empty tables go (a fresh database, or production that never used the sandbox bank), and the schema with them
-- unless something else lives there. Tables holding orders stay: the sandbox bank's Flyway adopts them (a baseline at
-- its version 1, the same tables), so its idempotency survives the upgrade.
DO $$
BEGIN
    IF to_regclass('sandbox_bank.payment_orders') IS NULL OR to_regclass('sandbox_bank.received_requests') IS NULL
            OR EXISTS (SELECT 1 FROM sandbox_bank.payment_orders)
            OR EXISTS (SELECT 1 FROM sandbox_bank.received_requests) THEN
        RETURN;
    END IF;
    DROP TABLE sandbox_bank.received_requests;
    DROP TABLE sandbox_bank.payment_orders;
    BEGIN
        DROP SCHEMA sandbox_bank;
    EXCEPTION WHEN dependent_objects_still_exist THEN
        NULL;
    END;
END
$$;

-- Which system a payout came from (connect, wallet, ops, ...): scheduled runs can pick up the payouts of some
-- modules only. Payouts of liquidation events, imported from files, have none.
ALTER TABLE payouts ADD COLUMN origin_module text;
ALTER TABLE payouts ADD CONSTRAINT ck_payouts_origin_module CHECK (origin_module IS NULL OR origin_module ~ '^[a-z][a-z0-9_-]{0,31}$');

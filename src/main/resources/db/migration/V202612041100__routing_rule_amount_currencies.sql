-- A routing rule's fixed fee and approval threshold state their currency, like the fee schedule's (EUR 0.50):
-- they are converted at the FX table's rate into a payout's currency, never applied as a bare number. Rules
-- written before take the currency of the payouts they are limited to, or else EUR (the fee schedule's).
ALTER TABLE routing_rules
    ADD COLUMN fixed_fee_currency          char(3),
    ADD COLUMN approval_threshold_currency char(3);

UPDATE routing_rules
SET fixed_fee_currency          = COALESCE(currency, 'EUR'),
    approval_threshold_currency = CASE WHEN approval_threshold IS NULL THEN NULL ELSE COALESCE(currency, 'EUR') END;

ALTER TABLE routing_rules
    ALTER COLUMN fixed_fee_currency SET NOT NULL,
    ADD CONSTRAINT ck_routing_rules_threshold_currency
        CHECK ((approval_threshold IS NULL) = (approval_threshold_currency IS NULL));

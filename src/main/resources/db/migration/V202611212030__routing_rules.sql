-- Fee rules managed through the API, overriding the fee schedule (config/fees/fee-schedule.csv) for a priority,
-- narrowed by currency, origin module and amount band. The most specific active rule wins; the fee an API payout
-- was quoted is kept with it (fee_rule), so the run charges what was quoted.
CREATE TABLE routing_rules (
    id                        bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    priority                  text          NOT NULL,
    currency                  char(3),
    origin_module             text,
    min_amount                numeric(20, 4),
    max_amount                numeric(20, 4),
    rate_percent              numeric(9, 4) NOT NULL,
    fixed_fee                 numeric(20, 4) NOT NULL,
    approval_threshold        numeric(20, 4),
    active                    boolean       NOT NULL DEFAULT true,
    created_by                text          NOT NULL,
    created_at                timestamptz   NOT NULL DEFAULT now(),
    updated_at                timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT ck_routing_rules_priority CHECK (priority IN ('instant', 'priority', 'normal', 'low')),
    CONSTRAINT ck_routing_rules_fees CHECK (rate_percent >= 0 AND rate_percent < 100 AND fixed_fee >= 0),
    CONSTRAINT ck_routing_rules_band CHECK ((min_amount IS NULL AND max_amount IS NULL) OR currency IS NOT NULL),
    CONSTRAINT ck_routing_rules_band_order CHECK (min_amount IS NULL OR max_amount IS NULL OR min_amount <= max_amount)
);

ALTER TABLE payouts ADD COLUMN fee_rule text;

-- Payouts taken one by one through the API (beside those of liquidation events): keyed by the client's
-- Idempotency-Key, priced when created, with the funds reserved by a hold on the origin entity's balance.

ALTER TABLE payouts ALTER COLUMN liquidation_event_id DROP NOT NULL;
ALTER TABLE payouts
    ADD COLUMN external_id      text,
    ADD COLUMN request_sha256   text,
    ADD COLUMN origin_entity_id uuid,
    ADD COLUMN molam_fee_minor  bigint,
    ADD COLUMN bank_fee_minor   bigint,
    ADD COLUMN net_minor        bigint,
    ADD COLUMN scheduled_at     timestamptz,
    ADD COLUMN metadata         jsonb,
    ADD COLUMN created_by       text,
    ADD CONSTRAINT uq_payouts_external_id UNIQUE (external_id),
    ADD CONSTRAINT ck_payouts_source CHECK (liquidation_event_id IS NOT NULL OR external_id IS NOT NULL),
    ADD CONSTRAINT ck_payouts_api_pricing CHECK (external_id IS NULL OR (origin_module IS NOT NULL
        AND origin_entity_id IS NOT NULL AND request_sha256 IS NOT NULL AND net_minor > 0
        AND molam_fee_minor >= 0 AND bank_fee_minor >= 0
        AND amount_minor = net_minor + molam_fee_minor + bank_fee_minor));

-- Each origin entity's money per currency, credited through the API. Holds reserve part of it.
CREATE TABLE entity_balances (
    origin_entity_id uuid        NOT NULL,
    currency         char(3)     NOT NULL,
    balance_minor    bigint      NOT NULL DEFAULT 0,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_entity_balances PRIMARY KEY (origin_entity_id, currency),
    CONSTRAINT ck_entity_balances_not_negative CHECK (balance_minor >= 0)
);

-- A hold reserves a payout's gross amount until it settles (released, the balance debited), or is cancelled.
CREATE TABLE holds (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payout_id        bigint      NOT NULL,
    origin_entity_id uuid        NOT NULL,
    currency         char(3)     NOT NULL,
    amount_minor     bigint      NOT NULL,
    released_minor   bigint      NOT NULL DEFAULT 0,
    status           text        NOT NULL DEFAULT 'active',
    expires_at       timestamptz NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fk_holds_payout FOREIGN KEY (payout_id) REFERENCES payouts (id),
    CONSTRAINT fk_holds_balance FOREIGN KEY (origin_entity_id, currency)
        REFERENCES entity_balances (origin_entity_id, currency),
    CONSTRAINT uq_holds_payout UNIQUE (payout_id),
    CONSTRAINT ck_holds_amount CHECK (amount_minor > 0),
    CONSTRAINT ck_holds_released CHECK (released_minor >= 0 AND released_minor <= amount_minor),
    CONSTRAINT ck_holds_status CHECK (status IN ('active', 'released', 'cancelled', 'expired'))
);
CREATE INDEX ix_holds_active ON holds (origin_entity_id, currency) WHERE status = 'active';

-- The sandbox bank's own storage, in its own schema, migrated by the sandbox bank when its beans start (its own Flyway
-- history: sandbox_bank.flyway_schema_history). The runner never reads or writes it. Same tables as the product's
-- V202611211020 once created; a database that holds those is baselined at this version (SandboxBankSchema).
CREATE TABLE sandbox_bank.payment_orders (
    order_id        text        PRIMARY KEY,
    idempotency_key text        NOT NULL,
    body_sha256     text        NOT NULL,
    amount_minor    bigint      NOT NULL,
    currency        char(3)     NOT NULL,
    rail            text        NOT NULL,
    reference       text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_payment_orders_key UNIQUE (idempotency_key)
);

-- Every order request the bank received, kept so that tests and operators can prove what was sent.
CREATE TABLE sandbox_bank.received_requests (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idempotency_key text        NOT NULL,
    body_sha256     text        NOT NULL,
    outcome         text        NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_received_requests_key ON sandbox_bank.received_requests (idempotency_key);

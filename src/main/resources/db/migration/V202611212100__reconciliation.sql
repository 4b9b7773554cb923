-- Reconciliation: bank statements matched to sent payouts. A statement settles payouts (sent -> settled) or returns
-- them (sent -> returned); a batch is settled once every payout of its accepted lines is, partial while only some are
-- settled or returned.

ALTER TABLE payout_batches
    ADD COLUMN settlement_status text NOT NULL DEFAULT 'open',
    ADD COLUMN settled_at        timestamptz,
    ADD CONSTRAINT ck_payout_batches_settlement_status CHECK (settlement_status IN ('open', 'partial', 'settled'));

-- Each statement is applied once, recognised by its content (the same statement again, under any name, changes
-- nothing).
CREATE TABLE reconciliation_statements (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name      text        NOT NULL,
    content_sha256 text        NOT NULL,
    format         text        NOT NULL,
    lines          integer     NOT NULL,
    matched        integer     NOT NULL DEFAULT 0,
    unmatched      integer     NOT NULL DEFAULT 0,
    rejected       integer     NOT NULL DEFAULT 0,
    applied_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_reconciliation_statements_content UNIQUE (content_sha256),
    CONSTRAINT ck_reconciliation_statements_format CHECK (format IN ('csv', 'camt.053'))
);

-- Which statement line settled or returned each payout: a payout is reconciled once.
CREATE TABLE reconciliation_matches (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    statement_id   bigint      NOT NULL,
    line_number    integer     NOT NULL,
    payout_id      bigint      NOT NULL,
    outcome        text        NOT NULL,
    amount_minor   bigint      NOT NULL,
    currency       char(3)     NOT NULL,
    bank_reference text,
    return_reason  text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fk_reconciliation_matches_statement FOREIGN KEY (statement_id) REFERENCES reconciliation_statements (id),
    CONSTRAINT fk_reconciliation_matches_payout FOREIGN KEY (payout_id) REFERENCES payouts (id),
    CONSTRAINT uq_reconciliation_matches_payout UNIQUE (payout_id),
    CONSTRAINT ck_reconciliation_matches_outcome CHECK (outcome IN ('settled', 'returned'))
);

-- Statements name payouts by payment order (a bank order id, or a bank file shared by a whole batch); the report
-- lists sent payouts by how long they have waited.
CREATE INDEX ix_payouts_payment_order ON payouts (payment_order_id) WHERE payment_order_id IS NOT NULL;
CREATE INDEX ix_payouts_sent_since ON payouts (updated_at, id) WHERE status = 'sent';

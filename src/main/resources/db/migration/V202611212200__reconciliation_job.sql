-- Reconciliation as a Spring Batch job (reconcileStatementJob), payouts settled for less, and returns after
-- settlement.

-- A bank may return a payment days after booking it (an ACH return, a SEPA recall): settled -> returned.
INSERT INTO payout_status_transitions (from_status, to_status) VALUES ('settled', 'returned');

-- A hold now says what settlement took (settled_minor, debited from the balance) apart from what it gave back
-- (released_minor). Holds settled so far were settled in full.
ALTER TABLE holds ADD COLUMN settled_minor bigint NOT NULL DEFAULT 0;
UPDATE holds SET settled_minor = amount_minor, released_minor = 0 WHERE status = 'released';
ALTER TABLE holds
    ADD CONSTRAINT ck_holds_settled CHECK (settled_minor >= 0 AND settled_minor + released_minor <= amount_minor),
    DROP CONSTRAINT ck_holds_status,
    ADD CONSTRAINT ck_holds_status CHECK (status IN ('active', 'released', 'cancelled', 'expired', 'returned'));

-- What the bank paid for each matched payout (amount_minor is what it was asked to pay): less when it settled for
-- less. A payout is settled once and returned once.
ALTER TABLE reconciliation_matches ADD COLUMN paid_minor bigint;
UPDATE reconciliation_matches SET paid_minor = amount_minor;
ALTER TABLE reconciliation_matches
    ALTER COLUMN paid_minor SET NOT NULL,
    ADD CONSTRAINT ck_reconciliation_matches_paid CHECK (paid_minor > 0 AND paid_minor <= amount_minor),
    DROP CONSTRAINT uq_reconciliation_matches_payout,
    ADD CONSTRAINT uq_reconciliation_matches_payout_outcome UNIQUE (payout_id, outcome);

-- The statement's totals, kept with it so that the report step (and anyone later) can read what it did, and the
-- reconcileStatementJob instance that applied it (null: applied before the job existed).
ALTER TABLE reconciliation_statements
    ADD COLUMN job_instance_id  bigint,
    ADD COLUMN settled          integer NOT NULL DEFAULT 0,
    ADD COLUMN settled_for_less integer NOT NULL DEFAULT 0,
    ADD COLUMN returned         integer NOT NULL DEFAULT 0,
    ADD COLUMN ignored          integer NOT NULL DEFAULT 0,
    ADD COLUMN batches_settled  integer NOT NULL DEFAULT 0,
    ADD COLUMN batches_partial  integer NOT NULL DEFAULT 0;

-- Every line of a statement and what became of it, in the statement's transaction: the report is written from
-- these rows, so a report step that failed can be run again and writes the same lines.
CREATE TABLE reconciliation_lines (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    statement_id   bigint      NOT NULL,
    line_number    integer     NOT NULL,
    kind           text        NOT NULL,
    outcome        text,
    payout_ids     text        NOT NULL DEFAULT '',
    amount_minor   bigint,
    currency       char(3),
    booking_date   date,
    bank_reference text,
    refs           text        NOT NULL DEFAULT '',
    reason         text        NOT NULL DEFAULT '',
    CONSTRAINT fk_reconciliation_lines_statement FOREIGN KEY (statement_id)
        REFERENCES reconciliation_statements (id),
    CONSTRAINT ck_reconciliation_lines_kind CHECK (kind IN ('matched', 'unmatched', 'rejected', 'ignored')),
    CONSTRAINT ck_reconciliation_lines_outcome CHECK (outcome IN ('settled', 'settled_for_less', 'returned'))
);
CREATE INDEX ix_reconciliation_lines_statement ON reconciliation_lines (statement_id, line_number, id);

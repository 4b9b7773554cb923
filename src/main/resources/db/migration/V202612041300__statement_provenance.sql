-- Statements must come from the bank (issue 10): who or what delivered each statement, the lines that wait for a
-- second person's confirmation, the lines an operator must look at, and what a line needs to be confirmed later.

-- delivered_by: the API user, 'inbox' (the statements drop folder) or 'cli:<os user>'; statements applied before
-- this was recorded say 'unknown'. A statement whose lines give money back (settled for less, returns) and that did
-- not come through the inbox waits for a confirmation by someone else than who delivered it (the database checks
-- the names differ; the application also refuses 'cli:<name>' confirmed by <name>).
ALTER TABLE reconciliation_statements
    ADD COLUMN delivered_by         text    NOT NULL DEFAULT 'unknown',
    ADD COLUMN needs_review         integer NOT NULL DEFAULT 0,
    ADD COLUMN pending_confirmation integer NOT NULL DEFAULT 0,
    ADD COLUMN confirmed_by         text,
    ADD COLUMN confirmed_at         timestamptz,
    ADD CONSTRAINT ck_reconciliation_statements_four_eyes CHECK (confirmed_by IS NULL OR confirmed_by <> delivered_by),
    ADD CONSTRAINT ck_reconciliation_statements_confirmed CHECK ((confirmed_by IS NULL) = (confirmed_at IS NULL));
ALTER TABLE reconciliation_statements ALTER COLUMN delivered_by DROP DEFAULT;

-- A line pending confirmation keeps what it takes to match it again when confirmed: its return code, the charges
-- the bank gave for paying less, and the reason code. needs_review: paid less without saying why; nothing changed.
ALTER TABLE reconciliation_lines
    ADD COLUMN return_reason text,
    ADD COLUMN charges_minor bigint,
    ADD COLUMN reason_code   text,
    DROP CONSTRAINT ck_reconciliation_lines_kind,
    ADD CONSTRAINT ck_reconciliation_lines_kind
        CHECK (kind IN ('matched', 'unmatched', 'rejected', 'ignored', 'needs_review', 'pending_confirmation'));

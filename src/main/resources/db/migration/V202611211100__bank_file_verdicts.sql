-- The bank's verdict on payments sent in files: a pain.002 status report or an ACH return file, dropped in the
-- inbox, names payouts that were sent. A rejection puts the payout in the dead-letter queue (no payment was made:
-- an operator fixes it and retries, or cancels); an ACH return marks it returned (paid, then sent back).

INSERT INTO payout_status_transitions (from_status, to_status) VALUES ('sent', 'dead_letter');

ALTER TABLE payment_submissions
    ADD COLUMN bank_verdict      text,
    ADD COLUMN bank_verdict_code text,
    ADD COLUMN bank_verdict_file text,
    ADD CONSTRAINT ck_payment_submissions_bank_verdict
        CHECK (bank_verdict IS NULL OR bank_verdict IN ('accepted', 'rejected', 'returned'));

-- Each inbox file is applied once, recognised by its content (a file dropped twice, under any name, is not
-- applied twice).
CREATE TABLE bank_inbox_files (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name      text        NOT NULL,
    content_sha256 text        NOT NULL,
    kind           text        NOT NULL,
    entries        integer     NOT NULL,
    applied        integer     NOT NULL,
    unmatched      integer     NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_bank_inbox_files_content UNIQUE (content_sha256),
    CONSTRAINT ck_bank_inbox_files_kind CHECK (kind IN ('pain.002', 'ach_return'))
);

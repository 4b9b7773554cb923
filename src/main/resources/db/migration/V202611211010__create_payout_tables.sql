-- Payouts of liquidation events, the batch lines a run builds, the submissions sent to banks,
-- the skip and import-error records that reports are made from, and the append-only audit trail.

CREATE TABLE liquidation_events (
    id         text        PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ck_liquidation_events_id CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$')
);

-- Allowed payout status transitions. PayoutStatus in code declares the same set; a test compares them.
CREATE TABLE payout_status_transitions (
    from_status text NOT NULL,
    to_status   text NOT NULL,
    CONSTRAINT pk_payout_status_transitions PRIMARY KEY (from_status, to_status)
);

INSERT INTO payout_status_transitions (from_status, to_status) VALUES
    ('pending', 'awaiting_approval'), ('awaiting_approval', 'pending'), ('awaiting_approval', 'cancelled'),
    ('pending', 'queued'), ('pending', 'cancelled'),
    ('queued', 'sending'), ('queued', 'cancelled'),
    ('sending', 'sent'), ('sending', 'failed'), ('sending', 'rejected'), ('sending', 'dead_letter'),
    ('failed', 'queued'), ('rejected', 'queued'), ('dead_letter', 'queued'), ('dead_letter', 'cancelled'),
    ('dead_letter', 'pending'),
    ('sent', 'settled'), ('sent', 'returned');

CREATE TABLE payouts (
    id                     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    liquidation_event_id   text        NOT NULL,
    investor_id            text        NOT NULL,
    investor_name          text        NOT NULL,
    country                char(2),
    payment_method         text,
    external_account_id    text,
    amount_minor           bigint,
    currency               char(3)     NOT NULL,
    has_us_bank_account    boolean     NOT NULL DEFAULT false,
    priority               text        NOT NULL DEFAULT 'normal',
    iban                   text,
    bic                    text,
    account_number         text,
    routing_number         text,
    sort_code              text,
    scheduled_date         date,
    status                 text        NOT NULL DEFAULT 'pending',
    skip_reason            text,
    -- Failed submissions: how many so far, when the payout is due again, and the last error.
    failed_attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at        timestamptz,
    last_error             text,
    payment_order_id       text,
    source_line            bigint,
    source_fingerprint     text,
    import_job_instance_id bigint,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fk_payouts_event FOREIGN KEY (liquidation_event_id) REFERENCES liquidation_events (id),
    CONSTRAINT uq_payouts_event_investor UNIQUE (liquidation_event_id, investor_id),
    CONSTRAINT ck_payouts_amount_not_negative CHECK (amount_minor IS NULL OR amount_minor >= 0),
    CONSTRAINT ck_payouts_priority CHECK (priority IN ('instant', 'priority', 'normal', 'low')),
    CONSTRAINT ck_payouts_status CHECK (status IN ('pending', 'awaiting_approval', 'queued', 'sending', 'sent',
        'failed', 'rejected', 'dead_letter', 'cancelled', 'settled', 'returned')),
    CONSTRAINT ck_payouts_sent_has_order CHECK (status NOT IN ('sent', 'settled') OR payment_order_id IS NOT NULL)
);

-- The run's reader pages through an event's payouts by id; import summaries count by import.
CREATE INDEX ix_payouts_event_id ON payouts (liquidation_event_id, id);
CREATE INDEX ix_payouts_import ON payouts (import_job_instance_id);

CREATE FUNCTION reject_disallowed_payout_transition() RETURNS trigger AS $$
BEGIN
    IF NEW.status <> OLD.status AND NOT EXISTS (
        SELECT 1 FROM payout_status_transitions WHERE from_status = OLD.status AND to_status = NEW.status) THEN
        RAISE EXCEPTION 'payout %: status transition % -> % is not allowed', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER trg_payouts_status_transition
    BEFORE UPDATE OF status ON payouts
    FOR EACH ROW EXECUTE FUNCTION reject_disallowed_payout_transition();

-- One batch per run, rail, currency and connector.
CREATE TABLE payout_batches (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id           bigint      NOT NULL,
    job_execution_id bigint      NOT NULL,
    rail             text        NOT NULL,
    currency         char(3)     NOT NULL,
    connector        text        NOT NULL,
    reference        text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_payout_batches_run_rail UNIQUE (run_id, rail, currency, connector),
    CONSTRAINT uq_payout_batches_reference UNIQUE (reference)
);

CREATE TABLE payout_batch_lines (
    id                bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id          bigint        NOT NULL,
    payout_id         bigint        NOT NULL,
    run_id            bigint        NOT NULL,
    job_execution_id  bigint        NOT NULL,
    idempotency_key   uuid          NOT NULL DEFAULT gen_random_uuid(),
    amount_minor      bigint        NOT NULL,
    currency          char(3)       NOT NULL,
    fee_minor         bigint        NOT NULL,
    net_minor         bigint        NOT NULL,
    fee_rule          text          NOT NULL,
    rail              text          NOT NULL,
    rail_rule         text          NOT NULL,
    rail_currency     char(3)       NOT NULL,
    fx_rate           numeric(24, 12) NOT NULL,
    fx_quote_date     date          NOT NULL,
    rail_amount_minor bigint        NOT NULL,
    status            text          NOT NULL DEFAULT 'queued',
    payment_order_id  text,
    failure_reason    text,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT fk_payout_batch_lines_batch FOREIGN KEY (batch_id) REFERENCES payout_batches (id),
    CONSTRAINT fk_payout_batch_lines_payout FOREIGN KEY (payout_id) REFERENCES payouts (id),
    CONSTRAINT uq_payout_batch_lines_key UNIQUE (idempotency_key),
    CONSTRAINT ck_payout_batch_lines_amounts CHECK (amount_minor = net_minor + fee_minor AND net_minor > 0
        AND fee_minor >= 0 AND rail_amount_minor > 0),
    CONSTRAINT ck_payout_batch_lines_status CHECK (status IN ('queued', 'sending', 'accepted', 'rejected', 'failed')),
    CONSTRAINT ck_payout_batch_lines_accepted_has_order CHECK (status <> 'accepted' OR payment_order_id IS NOT NULL)
);

-- One active line per payout: a payout is in at most one queued, sending or accepted line.
CREATE UNIQUE INDEX uq_payout_batch_lines_active_payout ON payout_batch_lines (payout_id)
    WHERE status IN ('queued', 'sending', 'accepted');
-- The submit step's reader: lines still waiting for an answer, by id.
CREATE INDEX ix_payout_batch_lines_unanswered ON payout_batch_lines (id) WHERE status IN ('queued', 'sending');
CREATE INDEX ix_payout_batch_lines_payout ON payout_batch_lines (payout_id);

-- The request sent to the bank for one line, saved with its idempotency key before the call.
-- run_id is the run of the latest attempt: the run whose summary counts its outcome.
CREATE TABLE payment_submissions (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_line_id    bigint      NOT NULL,
    idempotency_key  uuid        NOT NULL,
    request_body     text        NOT NULL,
    status           text        NOT NULL,
    connector        text        NOT NULL,
    bank_order_id    text,
    reason_code      text,
    reason           text,
    attempts         integer     NOT NULL DEFAULT 0,
    job_execution_id bigint      NOT NULL,
    run_id           bigint      NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fk_payment_submissions_line FOREIGN KEY (batch_line_id) REFERENCES payout_batch_lines (id),
    CONSTRAINT uq_payment_submissions_line UNIQUE (batch_line_id),
    CONSTRAINT uq_payment_submissions_key UNIQUE (idempotency_key),
    CONSTRAINT ck_payment_submissions_status CHECK (status IN ('sending', 'accepted', 'rejected', 'failed', 'unknown'))
);

CREATE INDEX ix_payment_submissions_run ON payment_submissions (run_id, status);

CREATE TABLE skip_records (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id           bigint      NOT NULL,
    job_execution_id bigint      NOT NULL,
    step_name        text        NOT NULL,
    payout_id        bigint      NOT NULL,
    investor_id      text        NOT NULL,
    category         text        NOT NULL,
    reason           text        NOT NULL,
    masked_account   text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fk_skip_records_payout FOREIGN KEY (payout_id) REFERENCES payouts (id),
    CONSTRAINT uq_skip_records_run_payout_step UNIQUE (run_id, payout_id, step_name)
);

CREATE TABLE import_errors (
    id                   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id               bigint      NOT NULL,
    job_execution_id     bigint      NOT NULL,
    liquidation_event_id text        NOT NULL,
    line_number          bigint      NOT NULL,
    column_name          text,
    category             text        NOT NULL,
    reason               text        NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_import_errors_run_line UNIQUE (run_id, line_number)
);

CREATE TABLE audit_events (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    entity_type text        NOT NULL,
    entity_id   text        NOT NULL,
    action      text        NOT NULL,
    category    text        NOT NULL,
    severity    text        NOT NULL DEFAULT 'info',
    actor       text        NOT NULL,
    run_id      bigint,
    details     jsonb,
    CONSTRAINT ck_audit_events_category CHECK (category IN ('operational', 'financial', 'compliance', 'technical')),
    CONSTRAINT ck_audit_events_severity CHECK (severity IN ('info', 'warning', 'error'))
);
CREATE INDEX ix_audit_events_entity ON audit_events (entity_type, entity_id, id);

CREATE FUNCTION reject_audit_event_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % rejected', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER trg_audit_events_append_only
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION reject_audit_event_change();
CREATE TRIGGER trg_audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION reject_audit_event_change();

-- Runs over the run ceiling (payout.approvals.run-ceiling) wait after building their lines, before any file or
-- bank call, for two approvers other than their launcher. One request per run (job instance), with the totals it
-- was asked for; decisions are facts, one per person and run. A rejection is final, and so is an approval.

-- A rejected run gives its payouts back: their lines are withdrawn and they are pending again, for a later run.
INSERT INTO payout_status_transitions (from_status, to_status) VALUES ('queued', 'pending');

CREATE TABLE run_approval_requests (
    run_id             bigint      PRIMARY KEY,
    job_execution_id   bigint      NOT NULL,
    event              text,
    schedule           text,
    slot               text,
    launched_by        text        NOT NULL,
    status             text        NOT NULL DEFAULT 'awaiting',
    approvals_required integer     NOT NULL,
    total_minor        bigint      NOT NULL,
    ceiling_minor      bigint      NOT NULL,
    ceiling_currency   char(3)     NOT NULL,
    totals             jsonb       NOT NULL,
    requested_at       timestamptz NOT NULL DEFAULT now(),
    decided_at         timestamptz,
    CONSTRAINT fk_run_approval_requests_run FOREIGN KEY (run_id) REFERENCES batch_job_instance (job_instance_id),
    CONSTRAINT ck_run_approval_requests_status CHECK (status IN ('awaiting', 'approved', 'rejected')),
    CONSTRAINT ck_run_approval_requests_required CHECK (approvals_required >= 1),
    CONSTRAINT ck_run_approval_requests_over CHECK (total_minor > ceiling_minor),
    CONSTRAINT ck_run_approval_requests_decided CHECK ((status = 'awaiting') = (decided_at IS NULL))
);

CREATE INDEX ix_run_approval_requests_awaiting ON run_approval_requests (requested_at) WHERE status = 'awaiting';

CREATE TABLE run_approvals (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id     bigint      NOT NULL,
    approver   text        NOT NULL,
    decision   text        NOT NULL,
    comment    text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fk_run_approvals_request FOREIGN KEY (run_id) REFERENCES run_approval_requests (run_id),
    CONSTRAINT uq_run_approvals_approver UNIQUE (run_id, approver),
    CONSTRAINT ck_run_approvals_decision CHECK (decision IN ('approve', 'reject'))
);

-- The rules the code follows, enforced where they cannot be sidestepped: a decision only on a waiting request,
-- never an approval by the launcher; a decided request never changes again; decisions are never edited.
CREATE FUNCTION check_run_approval() RETURNS trigger AS $$
DECLARE
    request run_approval_requests%ROWTYPE;
BEGIN
    SELECT * INTO request FROM run_approval_requests WHERE run_id = NEW.run_id;
    IF request.status <> 'awaiting' THEN
        RAISE EXCEPTION 'run %: the approval request is % already', NEW.run_id, request.status;
    END IF;
    IF NEW.decision = 'approve' AND NEW.approver = request.launched_by THEN
        RAISE EXCEPTION 'run %: % launched it and may not approve it', NEW.run_id, NEW.approver;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER trg_run_approvals_check BEFORE INSERT ON run_approvals
    FOR EACH ROW EXECUTE FUNCTION check_run_approval();

CREATE FUNCTION reject_run_approval_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'run approval decisions are append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER trg_run_approvals_append_only BEFORE UPDATE OR DELETE ON run_approvals
    FOR EACH ROW EXECUTE FUNCTION reject_run_approval_change();

CREATE FUNCTION check_run_approval_request_change() RETURNS trigger AS $$
BEGIN
    IF OLD.status <> 'awaiting' OR NEW.run_id <> OLD.run_id OR NEW.launched_by <> OLD.launched_by
            OR NEW.total_minor <> OLD.total_minor OR NEW.totals <> OLD.totals THEN
        RAISE EXCEPTION 'run %: a % approval request is final', OLD.run_id, OLD.status;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER trg_run_approval_requests_final BEFORE UPDATE ON run_approval_requests
    FOR EACH ROW EXECUTE FUNCTION check_run_approval_request_change();

CREATE TRIGGER trg_run_approval_requests_no_delete BEFORE DELETE ON run_approval_requests
    FOR EACH ROW EXECUTE FUNCTION reject_run_approval_change();

-- Approvals of payouts above their priority's threshold: distinct approvers, never the creator; one rejection
-- rejects the payout.
INSERT INTO payout_status_transitions (from_status, to_status) VALUES ('awaiting_approval', 'rejected');

CREATE TABLE payout_approvals (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payout_id  bigint      NOT NULL,
    approver   text        NOT NULL,
    decision   text        NOT NULL,
    comment    text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fk_payout_approvals_payout FOREIGN KEY (payout_id) REFERENCES payouts (id),
    CONSTRAINT uq_payout_approvals_approver UNIQUE (payout_id, approver),
    CONSTRAINT ck_payout_approvals_decision CHECK (decision IN ('approve', 'reject'))
);

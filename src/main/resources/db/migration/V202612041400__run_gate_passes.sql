-- A run's lines reach a bank (a bank call or a file) only once that run has passed awaitRunApprovalStep: within
-- the run ceiling, with the ceiling off, or approved. Until then no run sends them, not a rerun, not a scheduled
-- slot; a run stopped or killed while it builds its lines passes only when it is resumed and its whole total is
-- judged. Runs that built lines before the gate existed, and were not waiting for approval, have passed.
CREATE TABLE run_gate_passes (
    run_id    bigint      PRIMARY KEY,
    reason    text        NOT NULL,
    passed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fk_run_gate_passes_run FOREIGN KEY (run_id) REFERENCES batch_job_instance (job_instance_id)
);

INSERT INTO run_gate_passes (run_id, reason)
SELECT DISTINCT l.run_id, 'lines built before the run approval gate existed'
FROM payout_batch_lines l
WHERE NOT EXISTS (SELECT 1 FROM run_approval_requests r WHERE r.run_id = l.run_id AND r.status <> 'approved');

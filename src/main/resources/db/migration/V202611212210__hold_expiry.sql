-- Hold expiry: a hold past its expiry time whose payout is not with a bank (pending, awaiting approval, queued,
-- failed, dead_letter) expires and the payout is cancelled. A failed payout has no payment order (its retry builds
-- a new line), so it may now be cancelled too.
INSERT INTO payout_status_transitions (from_status, to_status) VALUES ('failed', 'cancelled');

-- The sweep looks for active holds by expiry time.
CREATE INDEX ix_holds_active_expires_at ON holds (expires_at) WHERE status = 'active';

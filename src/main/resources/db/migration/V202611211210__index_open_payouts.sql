-- Scheduled runs read the open payouts of every event (not one event's): an index over just those keeps
-- their reader from scanning everything ever paid.
CREATE INDEX ix_payouts_open ON payouts (id) WHERE status IN ('pending', 'failed', 'queued', 'sending');

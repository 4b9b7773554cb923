-- Remote partitions (docs/scale-out.md): the worker running a partition claims it here (one row per partition step
-- execution, so a redelivered request cannot start it twice) and beats the heartbeat while it runs; the manager fails
-- a STARTED partition whose heartbeat is older than payout.partitioning.worker-timeout. Times from the database's
-- clock only, so that workers on other machines cannot skew them.
CREATE TABLE partition_heartbeats (
    step_execution_id bigint      NOT NULL,
    worker            text        NOT NULL,
    claimed_at        timestamptz NOT NULL DEFAULT now(),
    beat_at           timestamptz NOT NULL DEFAULT now(),
    ended_at          timestamptz,
    CONSTRAINT pk_partition_heartbeats PRIMARY KEY (step_execution_id)
);

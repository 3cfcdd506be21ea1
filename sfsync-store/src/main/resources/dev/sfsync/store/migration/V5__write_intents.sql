-- The write-ahead record of intent: which rows a run is about to create, and which Bulk jobs it opened, written before
-- the rows can reach Salesforce and removed once their outcomes are settled. What a dead run leaves here is what the
-- next run must reconcile with the org before it sends anything.

CREATE TABLE write_intents (
    sync_id     VARCHAR(128) NOT NULL,
    run_id      VARCHAR(64)  NOT NULL,
    row_key     TEXT         NOT NULL,
    match_value TEXT
);
CREATE INDEX write_intents_by_key ON write_intents (sync_id, row_key);

CREATE TABLE bulk_jobs (
    sync_id    VARCHAR(128) NOT NULL,
    run_id     VARCHAR(64)  NOT NULL,
    api        VARCHAR(10)  NOT NULL,
    job_id     VARCHAR(18)  NOT NULL,
    created_at BIGINT       NOT NULL
);
CREATE INDEX bulk_jobs_by_sync ON bulk_jobs (sync_id);

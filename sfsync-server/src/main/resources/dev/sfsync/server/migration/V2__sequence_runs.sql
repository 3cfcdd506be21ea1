-- Each run of a sequence (scheduled or started through the API), and each of its steps with the run it started, so
-- that any node of a team answers which runs a sequence started.

CREATE TABLE sequence_runs (
    id          VARCHAR(64)  PRIMARY KEY,
    sequence    VARCHAR(128) NOT NULL,
    trigger     VARCHAR(300) NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    started_at  BIGINT       NOT NULL,
    finished_at BIGINT
);
CREATE INDEX sequence_runs_by_sequence ON sequence_runs (sequence, started_at);

CREATE TABLE sequence_run_steps (
    sequence_run_id VARCHAR(64)  NOT NULL,
    position        INT          NOT NULL,
    sync            VARCHAR(128) NOT NULL,
    run_id          VARCHAR(64),
    status          VARCHAR(20)  NOT NULL,
    message         TEXT,
    PRIMARY KEY (sequence_run_id, position)
);

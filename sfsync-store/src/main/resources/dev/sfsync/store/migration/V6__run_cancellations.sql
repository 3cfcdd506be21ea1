-- A request to cancel a run, made by any process sharing the store (the CLI, any server node). The run's own process
-- polls for it and stops sending; the row stays as the record of who cancelled and when.

CREATE TABLE run_cancellations (
    run_id       VARCHAR(64)  PRIMARY KEY,
    requested_at BIGINT       NOT NULL,
    requested_by VARCHAR(300) NOT NULL
);

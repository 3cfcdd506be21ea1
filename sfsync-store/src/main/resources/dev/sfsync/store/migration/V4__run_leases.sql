-- One lease per sync: the run that holds it is the only one that may write that sync's rows. A lease whose
-- expires_at has passed belongs to a dead process (it stopped renewing) and may be taken over.

CREATE TABLE run_leases (
    sync_id     VARCHAR(128) PRIMARY KEY,
    token       VARCHAR(64)  NOT NULL,
    holder      VARCHAR(300) NOT NULL,
    run_id      VARCHAR(64),
    acquired_at BIGINT       NOT NULL,
    expires_at  BIGINT       NOT NULL,
    ttl_ms      BIGINT       NOT NULL
);

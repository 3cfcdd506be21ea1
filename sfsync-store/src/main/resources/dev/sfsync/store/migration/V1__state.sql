-- sfsync's state, portable between SQLite (the embedded default) and Postgres: times are epoch milliseconds,
-- ids are made by sfsync, and secrets are AES-GCM ciphertext in base64 text.

CREATE TABLE store_meta (
    name  VARCHAR(100) PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE connections (
    name              VARCHAR(200) PRIMARY KEY,
    environment       VARCHAR(20)  NOT NULL,
    login_url         VARCHAR(1000) NOT NULL,
    instance_url      VARCHAR(1000),
    client_id         VARCHAR(500),
    username          VARCHAR(300),
    org_id            VARCHAR(18),
    status            VARCHAR(20)  NOT NULL,
    status_message    TEXT,
    access_token_enc  TEXT,
    refresh_token_enc TEXT,
    client_secret_enc TEXT,
    updated_at        BIGINT       NOT NULL
);

CREATE TABLE syncs (
    sync_id    VARCHAR(128) PRIMARY KEY,
    definition TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE runs (
    run_id            VARCHAR(64)  PRIMARY KEY,
    sync_id           VARCHAR(128) NOT NULL,
    kind              VARCHAR(20)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    started_at        BIGINT       NOT NULL,
    finished_at       BIGINT,
    created_rows      BIGINT,
    updated_rows      BIGINT,
    deleted_rows      BIGINT,
    unchanged_rows    BIGINT,
    rejected_rows     BIGINT,
    failed_rows       BIGINT,
    message           TEXT,
    details_pruned_at BIGINT
);
CREATE INDEX runs_by_sync ON runs (sync_id, started_at);

CREATE TABLE row_outcomes (
    run_id        VARCHAR(64) NOT NULL,
    row_key       TEXT        NOT NULL,
    status        VARCHAR(20) NOT NULL,
    record_id     VARCHAR(18),
    error_code    VARCHAR(100),
    error_message TEXT,
    error_fields  TEXT,
    attempt       INTEGER
);
CREATE INDEX row_outcomes_by_run ON row_outcomes (run_id, status);

CREATE TABLE api_calls (
    run_id         VARCHAR(64)   NOT NULL,
    seq            BIGINT        NOT NULL,
    at             BIGINT        NOT NULL,
    method         VARCHAR(10)   NOT NULL,
    url            TEXT          NOT NULL,
    status         INTEGER       NOT NULL,
    duration_ms    BIGINT        NOT NULL,
    request_bytes  BIGINT        NOT NULL,
    response_bytes BIGINT        NOT NULL,
    error          TEXT
);
CREATE INDEX api_calls_by_run ON api_calls (run_id, seq);

CREATE TABLE inbound_cursors (
    sync_id    VARCHAR(128) PRIMARY KEY,
    modstamp   BIGINT NOT NULL,
    last_id    VARCHAR(18),
    updated_at BIGINT NOT NULL
);

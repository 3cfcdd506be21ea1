-- The server's own tables, beside the state store's in the same database (SQLite or Postgres); Flyway keeps their
-- history in sfsync_server_history so the store's migrations and these never share version numbers.

-- db-scheduler's table (its documented schema): one row per scheduled sync or sequence.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            ${blob},
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);

CREATE TABLE server_users (
    name          VARCHAR(100) PRIMARY KEY,
    role          VARCHAR(20)  NOT NULL,
    password_hash TEXT         NOT NULL,
    created_at    BIGINT       NOT NULL
);

-- Only a SHA-256 of each token's secret is kept: a token is shown once, when created.
CREATE TABLE server_tokens (
    token_id     VARCHAR(40)  PRIMARY KEY,
    user_name    VARCHAR(100) NOT NULL,
    description  VARCHAR(200),
    secret_hash  VARCHAR(64)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    last_used_at BIGINT
);

CREATE TABLE server_sessions (
    session_hash VARCHAR(64)  PRIMARY KEY,
    user_name    VARCHAR(100) NOT NULL,
    csrf_token   VARCHAR(64)  NOT NULL,
    expires_at   BIGINT       NOT NULL
);

CREATE TABLE login_failures (
    user_name    VARCHAR(100) PRIMARY KEY,
    failures     INT    NOT NULL,
    locked_until BIGINT NOT NULL
);

-- Why a sync or sequence waits before its next scheduled run (the org's daily API quota is spent).
CREATE TABLE run_backoff (
    subject  VARCHAR(200) PRIMARY KEY,
    until_at BIGINT NOT NULL,
    reason   TEXT   NOT NULL
);

CREATE TABLE alert_incidents (
    incident_id VARCHAR(200) PRIMARY KEY,
    rule_id     VARCHAR(64)  NOT NULL,
    subject     VARCHAR(200) NOT NULL,
    opened_at   BIGINT       NOT NULL,
    resolved_at BIGINT,
    summary     TEXT         NOT NULL,
    run_id      VARCHAR(64)
);

CREATE TABLE alert_deliveries (
    delivery_id  VARCHAR(64)  PRIMARY KEY,
    incident_id  VARCHAR(200) NOT NULL,
    destination  VARCHAR(100) NOT NULL,
    event        VARCHAR(20)  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    attempts     INT          NOT NULL,
    last_error   TEXT,
    created_at   BIGINT       NOT NULL,
    sent_at      BIGINT
);

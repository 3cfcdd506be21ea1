-- Syncs and sequences whose schedule an operator paused (UI, API or CLI): their due slots are skipped, not queued,
-- until resumed. Kept in the shared database so that every node of a team honours the pause, and a restart keeps it.

CREATE TABLE schedule_pauses (
    subject   VARCHAR(200) PRIMARY KEY,
    paused_at BIGINT       NOT NULL,
    paused_by VARCHAR(200) NOT NULL
);

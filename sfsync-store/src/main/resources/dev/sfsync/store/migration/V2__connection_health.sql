-- What 'sfsync connections' needs to say honestly how a connection is: since when its status holds, when it last
-- worked (a check or a sync), when it was last checked, who it logs in as, and by which login flow.
ALTER TABLE connections ADD COLUMN status_since BIGINT;
ALTER TABLE connections ADD COLUMN last_ok_at BIGINT;
ALTER TABLE connections ADD COLUMN checked_at BIGINT;
ALTER TABLE connections ADD COLUMN user_id VARCHAR(18);
ALTER TABLE connections ADD COLUMN login_flow VARCHAR(30);

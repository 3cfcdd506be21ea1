-- Rows that succeeded are kept as counts (issue 18): a run writing a million rows keeps a few rows here, per status and
-- per API call whose answer carried them, instead of a million rows in row_outcomes. Failed and rejected rows keep
-- their own row there; a sync with keep_row_outcomes: all keeps every row there and nothing here.
CREATE TABLE outcome_counts (
    run_id   VARCHAR(64) NOT NULL,
    status   VARCHAR(20) NOT NULL,
    row_count BIGINT     NOT NULL,
    call_seq BIGINT
);
CREATE INDEX outcome_counts_by_run ON outcome_counts (run_id);

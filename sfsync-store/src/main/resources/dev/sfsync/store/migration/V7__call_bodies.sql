-- The live debugger's request and response bodies of each API call, as the client's redactor left them (secrets
-- masked, cut at the preview limit, CSV summarised), and, per outcome, the call whose answer carried it.

ALTER TABLE api_calls ADD COLUMN request_body TEXT;
ALTER TABLE api_calls ADD COLUMN response_body TEXT;
ALTER TABLE row_outcomes ADD COLUMN call_seq BIGINT;
CREATE INDEX api_calls_by_seq ON api_calls (seq);

-- Connect / Reconnect logins waiting for Salesforce's redirect to the callback, kept in the shared database so that
-- in a team the callback may reach any node. The state is random and used once; a row lives 10 minutes at most.
-- The PKCE verifier alone redeems nothing: it takes the authorization code, which only the callback carries.

CREATE TABLE oauth_logins (
    state         VARCHAR(200) PRIMARY KEY,
    connection    VARCHAR(200) NOT NULL,
    redirect_uri  TEXT         NOT NULL,
    code_verifier VARCHAR(200) NOT NULL,
    started_by    VARCHAR(200) NOT NULL,
    expires_at    BIGINT       NOT NULL
);

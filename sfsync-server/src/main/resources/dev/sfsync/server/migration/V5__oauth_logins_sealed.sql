-- The PKCE verifier of a pending login is now kept encrypted with the state store's key (bound to its state).
-- Logins still waiting were stored in plain text: they are dropped; whoever started one clicks Connect again.
DELETE FROM oauth_logins;

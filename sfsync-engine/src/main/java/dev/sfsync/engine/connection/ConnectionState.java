package dev.sfsync.engine.connection;

/** How a connection is, as 'sfsync connections' says it (the seed's card states, plus what a live check can add). */
public enum ConnectionState {
    /** The login works and a sync or check succeeded recently. */
    CONNECTED("Connected"),
    /** The login works, but no sync or check succeeded for longer than the connection's stale_after. */
    STALE("Stale"),
    /** Salesforce refused the access token and its renewal (the refresh token expired or was revoked there): a person must log in again. */
    TOKEN_EXPIRED("Token expired"),
    /** Disconnected by the user ('sfsync disconnect' or the UI's Disconnect): its tokens were revoked and forgotten. */
    DISCONNECTED("Disconnected"),
    /** The login works but the API refuses the user or the org (API Enabled missing, API off). */
    NO_API_ACCESS("No API access"),
    /** Salesforce could not be reached, so the state could not be checked. */
    UNREACHABLE("Unreachable"),
    /** 'sfsync connect' never ran for it. */
    NEVER_CONNECTED("Never connected");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether runs can use the connection now. */
    public boolean usable() {
        return this == CONNECTED || this == STALE;
    }
}

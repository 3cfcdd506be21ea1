package dev.sfsync.server.web;

import java.time.Instant;

/**
 * One connection as its card shows it: the state with its reason and fix, who and which org it is logged in as, the
 * org's API calls used today against its daily limit, and which buttons apply.
 */
public record ConnectionCard(String name, String environment, String state, String why, String fix, Instant since, Instant checkedAt,
                             String username, String orgId, String instanceUrl, String loginFlow, Quota quota, boolean connected) {
    /** API calls used today of the daily limit; {@code note} says why they are unknown when they are. */
    public record Quota(long used, long max, String note) {
        public int percent() {
            return max <= 0 ? 0 : (int) Math.min(100, Math.round(100.0 * used / max));
        }

        public boolean known() {
            return max > 0;
        }
    }

    /** The state as a CSS class: connected, stale, token-expired, disconnected, ... */
    public String stateClass() {
        return state.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    public String connectLabel() {
        return state.equals("Never connected") ? "Connect" : "Reconnect";
    }
}

package dev.sfsync.engine.connection;

import java.time.Instant;
import java.util.Objects;

/**
 * One connection's state with its reasons: what 'sfsync connections' prints and --json gives.
 *
 * @param why     what the check (or the stored history) found, in Salesforce's own words where it said something
 * @param since   when the state began, when known
 * @param fix     the one command (or admin step) that fixes it; null when nothing needs fixing
 * @param checked whether the state comes from a live check now (false: from the store, --no-check or unreachable)
 */
public record ConnectionReport(String name, String environment, ConnectionState state, String why, Instant since, String username,
                               String orgId, String instanceUrl, String loginFlow, String fix, boolean checked) {
    public ConnectionReport {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(state, "state is null");
    }
}

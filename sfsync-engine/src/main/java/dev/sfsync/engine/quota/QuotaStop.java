package dev.sfsync.engine.quota;

import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.salesforce.limits.ApiUsage;
import dev.sfsync.store.StateStore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Why a run stopped at the connection's API reserve, how many rows wait, and when the window frees enough calls for them. */
public final class QuotaStop {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private QuotaStop() {
    }

    /**
     * @param rowsLeft     rows not sent, left pending for the next run
     * @param callsNeeded  the requests those rows will need, as the plan estimates them
     * @param syncs        the syncs writing through the connection, whose logged calls free up first
     */
    public static String explain(ConnectionConfig connection, ApiUsage usage, long rowsLeft, long callsNeeded, Collection<String> syncs,
                                 StateStore store, Clock clock) {
        Instant now = clock.instant();
        long reserved = connection.reserve().reservedOf(usage.max());
        List<Instant> ownCalls = store.apiLog().callTimes(syncs, now.minus(QuotaWindow.WINDOW));
        Optional<Instant> free = QuotaWindow.freeFor(callsNeeded, usage, connection.reserve(), ownCalls, now);
        String when = free.map(at -> "enough calls for them free up by about " + AT.format(at) + " as this project's own calls leave"
                        + " Salesforce's rolling 24-hour window (sooner if other integrations' calls do)")
                .orElse("this project's own calls in the last 24 h (" + ownCalls.size() + ") cannot free enough: the rest of the usage is other"
                        + " integrations'; check Setup > System Overview > API Requests, or lower quota.reserve of connection '"
                        + connection.name() + "' if they can spare it");
        return "stopped at the API reserve of connection '" + connection.name() + "': the org has used " + usage.used() + " of its " + usage.max()
                + " daily API requests, and " + reserved + " (" + QuotaWindow.describe(connection.reserve()) + ") are kept for other integrations."
                + " " + rowsLeft + " row(s) were not sent and stay pending for the next run (about " + callsNeeded + " request(s)); " + when + ".";
    }
}

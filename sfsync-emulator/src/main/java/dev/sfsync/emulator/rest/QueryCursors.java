package dev.sfsync.emulator.rest;

import java.time.Clock;

/** Open query cursors of one org, for nextRecordsUrl paging. Filled in by the query endpoint. */
public final class QueryCursors {
    private final Clock clock;

    public QueryCursors(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public void clear() {
    }
}

package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.soql.SoqlProjector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Open query cursors of one org, for nextRecordsUrl paging. A cursor holds the matched stored versions (references,
 * not copies) and the projector that renders each page when it is served. Cursors idle for 15 minutes expire, and at
 * most 100 are kept: opening one more drops the one used least recently.
 */
public final class QueryCursors {
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);
    public static final int MAX_OPEN = 100;
    private static final String KEY_PREFIX = "01g";

    /** The rest of a result: all its records, how they render, and the page size the client asked for. */
    public record Cursor(List<StoredRecord> records, SoqlProjector projector, int batchSize) {
    }

    private static final class Entry {
        final Cursor cursor;
        Instant lastUsed;

        Entry(Cursor cursor, Instant lastUsed) {
            this.cursor = cursor;
            this.lastUsed = lastUsed;
        }
    }

    private final Clock clock;
    private final SalesforceIds ids = new SalesforceIds(0);
    private final LinkedHashMap<String, Entry> open = new LinkedHashMap<>(16, 0.75f, true);

    public QueryCursors(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** Keeps the cursor and returns its id, the part of a locator before the dash. */
    public synchronized String open(Cursor cursor) {
        expire();
        while (open.size() >= MAX_OPEN) {
            Iterator<String> eldest = open.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        String id = ids.next(KEY_PREFIX);
        open.put(id, new Entry(cursor, clock.instant()));
        return id;
    }

    /** The live cursor with this id; using it restarts its idle time. */
    public synchronized Optional<Cursor> use(String id) {
        expire();
        Entry entry = open.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        entry.lastUsed = clock.instant();
        return Optional.of(entry.cursor);
    }

    public synchronized int size() {
        expire();
        return open.size();
    }

    public synchronized void clear() {
        open.clear();
    }

    private void expire() {
        Instant now = clock.instant();
        open.values().removeIf(entry -> !entry.lastUsed.plus(IDLE_TIMEOUT).isAfter(now));
    }
}

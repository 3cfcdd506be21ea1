package dev.sfsync.store;

import dev.sfsync.core.SyncId;
import dev.sfsync.store.internal.Database;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Where each inbound sync resumes: the SystemModstamp (and record Id, to break ties) of the last record it took. */
public final class InboundCursors {
    /** A position in an object's records, ordered by SystemModstamp then Id. */
    public record InboundCursor(Instant systemModstamp, String lastId) {
    }

    private final Database db;
    private final Clock clock;

    InboundCursors(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Empty before the first sync, and after {@link #clear}: the next sync is an initial one. */
    public Optional<InboundCursor> find(SyncId sync) {
        return db.queryOne("SELECT modstamp, last_id FROM inbound_cursors WHERE sync_id = ?",
                rs -> new InboundCursor(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2)), sync.value());
    }

    public void save(SyncId sync, InboundCursor cursor) {
        db.update("INSERT INTO inbound_cursors (sync_id, modstamp, last_id, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (sync_id) DO UPDATE SET"
                        + " modstamp = excluded.modstamp, last_id = excluded.last_id, updated_at = excluded.updated_at",
                sync.value(), cursor.systemModstamp().toEpochMilli(), cursor.lastId(), clock.millis());
    }

    public void clear(SyncId sync) {
        db.update("DELETE FROM inbound_cursors WHERE sync_id = ?", sync.value());
    }
}

package dev.sfsync.store;

import dev.sfsync.core.SyncId;
import dev.sfsync.store.internal.Database;

import java.util.Optional;

/**
 * How many rows each sync's snapshot held when a run last committed it. The snapshot lives in another file; this is the
 * state store's side of the cross-check: a snapshot found empty where the store remembers rows was lost, and the
 * engine refuses to run rather than send those rows again. It also keeps the snapshot's generation (the number of the
 * run that last committed it): a snapshot whose generation is older than the one remembered here was restored from an
 * older backup, and would send again the rows synced since.
 */
public final class SnapshotMarks {
    private static final String PREFIX = "snapshot_rows:";
    private static final String GENERATION = "snapshot_generation:";

    private final Database db;

    SnapshotMarks(Database db) {
        this.db = db;
    }

    public void remember(SyncId sync, long rows) {
        db.update("INSERT INTO store_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                PREFIX + sync.value(), Long.toString(rows));
    }

    /** Remembers the snapshot's generation as its store reported it after a commit (nothing for none). */
    public void rememberGeneration(SyncId sync, java.util.OptionalLong generation) {
        if (generation.isEmpty()) {
            db.update("DELETE FROM store_meta WHERE name = ?", GENERATION + sync.value());
        } else {
            db.update("INSERT INTO store_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                    GENERATION + sync.value(), Long.toString(generation.getAsLong()));
        }
    }

    public Optional<Long> generation(SyncId sync) {
        return db.queryOne("SELECT value FROM store_meta WHERE name = ?", rs -> Long.parseLong(rs.getString(1)), GENERATION + sync.value());
    }

    public Optional<Long> rows(SyncId sync) {
        return db.queryOne("SELECT value FROM store_meta WHERE name = ?", rs -> Long.parseLong(rs.getString(1)), PREFIX + sync.value());
    }
}

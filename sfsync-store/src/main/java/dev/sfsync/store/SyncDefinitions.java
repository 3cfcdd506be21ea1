package dev.sfsync.store;

import dev.sfsync.core.SyncId;
import dev.sfsync.store.internal.Database;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sync definitions as last deployed, as text the engine writes and reads (its config format): the store keeps them,
 * it does not interpret them, so the definition's shape can evolve without a migration here.
 */
public final class SyncDefinitions {
    /** A stored definition. */
    public record StoredSync(SyncId id, String definition, Instant updatedAt) {
    }

    private final Database db;
    private final Clock clock;

    SyncDefinitions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void save(SyncId id, String definition) {
        db.update("INSERT INTO syncs (sync_id, definition, updated_at) VALUES (?, ?, ?) ON CONFLICT (sync_id) DO UPDATE SET"
                + " definition = excluded.definition, updated_at = excluded.updated_at", id.value(), definition, clock.millis());
    }

    public Optional<StoredSync> find(SyncId id) {
        return db.queryOne("SELECT sync_id, definition, updated_at FROM syncs WHERE sync_id = ?",
                rs -> new StoredSync(SyncId.of(rs.getString(1)), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))), id.value());
    }

    public List<StoredSync> list() {
        return db.query("SELECT sync_id, definition, updated_at FROM syncs ORDER BY sync_id",
                rs -> new StoredSync(SyncId.of(rs.getString(1)), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
    }

    public boolean delete(SyncId id) {
        return db.update("DELETE FROM syncs WHERE sync_id = ?", id.value()) > 0;
    }
}

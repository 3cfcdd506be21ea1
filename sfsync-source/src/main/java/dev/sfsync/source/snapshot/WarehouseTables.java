package dev.sfsync.source.snapshot;

import dev.sfsync.core.SyncId;
import dev.sfsync.source.warehouse.WarehouseDialect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names of a sync's tables in the warehouse's state schema: its snapshot and failures (named after the sync, as a
 * user browsing the schema would look for them), and per run its changes, its outcomes (the staging table of
 * settled keys) and the settled rows the commit applies. Key columns are numbered, as in the local store.
 *
 * @param tag a SQL-safe form of the sync's id, unique by a hash suffix
 */
record WarehouseTables(WarehouseDialect dialect, String schema, String tag, int keyCount) {
    static WarehouseTables of(WarehouseDialect dialect, String schema, SyncId sync, int keyCount) {
        return new WarehouseTables(dialect, schema, tag(sync), keyCount);
    }

    /** Lower-case letters, digits and underscores (every warehouse takes them quoted or not), at most 33 characters. */
    static String tag(SyncId sync) {
        String readable = sync.value().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        readable = readable.substring(0, Math.min(readable.length(), 24));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sync.value().getBytes(StandardCharsets.UTF_8));
            return readable + "_" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    WarehouseTables withKeyCount(int count) {
        return new WarehouseTables(dialect, schema, tag, count);
    }

    String syncs() {
        return table("sfsync_syncs");
    }

    String runs() {
        return table("sfsync_runs");
    }

    /** Per sync, how many runs have committed its snapshot: the state store's cross-check tells a restored older schema by it. */
    String generations() {
        return table("sfsync_generations");
    }

    String snapshot() {
        return table("snapshot_" + tag);
    }

    String failures() {
        return table("failures_" + tag);
    }

    String changes(String run) {
        return table("changes_" + run);
    }

    String outcomes(String run) {
        return table("outcomes_" + run);
    }

    String settled(String run) {
        return table("settled_" + run);
    }

    String table(String name) {
        return dialect.table(schema, name);
    }

    String keys(String prefix) {
        return Sql.each(keyCount, ", ", k -> prefix + "._sfsync_k" + k);
    }

    String keyNames() {
        return Sql.each(keyCount, ", ", k -> "_sfsync_k" + k);
    }

    String textKeyNames() {
        return Sql.each(keyCount, ", ", k -> "_sfsync_t" + k);
    }

    String keysMatch(String left, String right) {
        return Sql.each(keyCount, " AND ", k -> left + "._sfsync_k" + k + " = " + right + "._sfsync_k" + k);
    }

    String textKeysMatch(String left, String right) {
        return Sql.each(keyCount, " AND ", k -> left + "._sfsync_t" + k + " = " + right + "._sfsync_t" + k);
    }
}

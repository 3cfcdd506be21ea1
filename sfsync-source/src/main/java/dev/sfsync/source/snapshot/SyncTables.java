package dev.sfsync.source.snapshot;

/**
 * Names of the state database's tables: per sync (by number, since sync ids need not be SQL names) its snapshot
 * and its failures; per run its changes, its outcomes, and (for sources read through JDBC) its staged rows.
 */
record SyncTables(String catalog, long tableNo, int keyCount) {
    String snapshot() {
        return table("snapshot_" + tableNo);
    }

    String failures() {
        return table("failures_" + tableNo);
    }

    String changes(long runNo) {
        return table("changes_" + runNo);
    }

    String outcomes(long runNo) {
        return table("outcomes_" + runNo);
    }

    String table(String name) {
        return Sql.ident(catalog) + ".main." + Sql.ident(name);
    }

    /** {@code prefix._sfsync_k0, prefix._sfsync_k1}: the key columns of the internal tables. */
    String keys(String prefix) {
        return Sql.each(keyCount, ", ", k -> prefix + "._sfsync_k" + k);
    }

    /** Join condition on the key columns of two internal tables. */
    String keysMatch(String left, String right) {
        return Sql.each(keyCount, " AND ", k -> left + "._sfsync_k" + k + " = " + right + "._sfsync_k" + k);
    }

    String textKeysMatch(String left, String right) {
        return Sql.each(keyCount, " AND ", k -> left + "._sfsync_t" + k + " = " + right + "._sfsync_t" + k);
    }
}

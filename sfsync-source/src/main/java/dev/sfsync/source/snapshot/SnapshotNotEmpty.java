package dev.sfsync.source.snapshot;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.core.SyncId;

/**
 * A baseline asked of a sync whose snapshot already holds rows: a baseline records the starting point of a sync that
 * never sent anything, and over a snapshot it would hide changes the earlier runs have not sent yet.
 */
public final class SnapshotNotEmpty extends SfsyncException {
    public SnapshotNotEmpty(SyncId sync, long rows) {
        super(String.format("Sync '%s' already has %,d synced rows in its snapshot; a baseline only records the starting point of a sync"
                        + " that has never run", sync, rows),
                "run the sync without --baseline: it sends only what changed since its last run (--full resends every row)");
    }
}

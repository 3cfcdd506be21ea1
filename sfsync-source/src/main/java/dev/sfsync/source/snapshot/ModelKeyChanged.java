package dev.sfsync.source.snapshot;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.core.SyncId;

/**
 * The model's primary key is not the one the sync's snapshot was built with, so rows can't be matched to what was
 * synced. Refused rather than guessed: a wrong match would report every row as removed and added.
 */
public final class ModelKeyChanged extends SfsyncException {
    public ModelKeyChanged(SyncId sync, String before, String now) {
        super("The primary key of sync '" + sync + "' changed from " + before + " to " + now
                        + "; its snapshot can't match the new keys to the rows synced before",
                "restore the previous key, or forget the sync's snapshot so that every row is sent again as new"
                        + " (records already in Salesforce are matched by the sync's match field, not by the snapshot)");
    }
}

package dev.sfsync.engine.project;

import dev.sfsync.core.SfsyncException;

/** A baseline asked of a sync that keeps no snapshot of rows (a picklist values sync compares the org's values each run). */
public final class BaselineRefused extends SfsyncException {
    BaselineRefused(String sync, String why) {
        super("Sync '" + sync + "' can't start from a baseline: " + why, "run it without --baseline");
    }
}

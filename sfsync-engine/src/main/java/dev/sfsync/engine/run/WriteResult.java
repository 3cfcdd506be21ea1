package dev.sfsync.engine.run;

import dev.sfsync.core.outcome.RowError;

/** Salesforce's answer for one record of a {@link WriteBatch}. */
public record WriteResult(String id, boolean success, boolean created, RowError error) {
    public static WriteResult succeeded(String id, boolean created) {
        return new WriteResult(id, true, created, null);
    }

    public static WriteResult failed(RowError error) {
        return new WriteResult(null, false, false, error);
    }
}

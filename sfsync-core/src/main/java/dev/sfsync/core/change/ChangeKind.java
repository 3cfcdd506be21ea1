package dev.sfsync.core.change;

/** How a model row differs from the sync's snapshot. */
public enum ChangeKind {
    /** In the model, not in the snapshot: never synced successfully. */
    ADDED,
    /** In both, but the hash of the mapped columns differs (or a full resync was asked for). */
    CHANGED,
    /** In the snapshot, no longer in the model. */
    REMOVED
}

package dev.sfsync.engine.project;

import dev.sfsync.core.RunId;

/**
 * What {@code sfsync run --baseline} did: the model's rows recorded as synced in the sync's snapshot, none sent.
 *
 * @param place where the snapshot is kept (the warehouse's state schema or the local snapshot file)
 */
public record BaselineResult(String sync, RunId run, long rows, String place) {
}

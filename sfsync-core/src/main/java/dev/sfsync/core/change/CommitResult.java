package dev.sfsync.core.change;

/**
 * What a {@link ChangeSet#commit()} did to the snapshot.
 *
 * @param advanced  rows whose new values the snapshot now holds (added or changed, with a successful outcome)
 * @param forgotten rows removed from the snapshot (removed, with a successful outcome)
 * @param failed    rows with a failed or rejected outcome: the snapshot keeps their old state and they are retried
 * @param pending   changes with no recorded outcome: also retried next run
 * @param unmatched recorded outcomes whose key is not a change of this set (a caller's bug); ignored
 */
public record CommitResult(long advanced, long forgotten, long failed, long pending, long unmatched) {
}

package dev.sfsync.core.change;

import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.core.outcome.RowOutcome;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A model's rows against its sync's snapshot: what to send this run. Lifecycle:
 * <ol>
 *   <li>stream the {@link #changes} (as often as needed) and act on them;</li>
 *   <li>{@link #record} every row's outcome as it becomes known (each call is durable when it returns);</li>
 *   <li>{@link #commit}: atomically, the snapshot takes the rows whose outcome was a success and forgets the
 *       successfully removed ones; failed, rejected and unrecorded rows stay as they were, so the next run
 *       redoes exactly those;</li>
 *   <li>{@link #close}.</li>
 * </ol>
 * If the process dies before {@link #commit}, nothing is lost: the next change detection for the sync first
 * commits the outcomes this change set had recorded. A crash during the commit leaves the previous snapshot.
 * <p>
 * Thread-safety: none. Use a change set from one thread; a writer that works in parallel hands its outcomes back
 * to that thread to {@link #record}. (The DuckDB implementation records through an appender confined to the thread
 * that first recorded, and refuses {@link #record} from any other with an {@link IllegalStateException}.)
 */
public interface ChangeSet extends AutoCloseable {
    /** The model's columns, as the rows of this change set carry them. */
    ModelSchema schema();

    ChangeCounts counts();

    /**
     * Why more rows than usual are changed, if so, in plain words (e.g. "the mappings gained columns Phone: every
     * synced row is sent once more"); empty normally.
     */
    List<String> notices();

    /**
     * The changes of the given kinds (all kinds if none), grouped by kind (added, changed, removed) in no particular
     * order within a kind, streamed from disk.
     * Close the stream (try-with-resources) when done with it.
     */
    Stream<Change> changes(Set<ChangeKind> kinds);

    /** All changes; see {@link #changes(Set)}. */
    default Stream<Change> changes() {
        return changes(Set.of());
    }

    /**
     * Keeps these outcomes for the commit; durable when this returns. A later outcome for the same key replaces
     * an earlier one. Outcomes for keys that are not changes of this set are ignored and counted in
     * {@link CommitResult#unmatched()}.
     *
     * @throws IllegalArgumentException if an outcome's key has the wrong number of values for the model's key
     * @throws IllegalStateException    after {@link #commit} or {@link #close}, or (in implementations confined to one
     *                                  thread) when called from another thread than the one that recorded first
     */
    void record(Collection<? extends RowOutcome> outcomes);

    /** The changes as a SQL table, when the store keeps them in one a writer can work on set-based. */
    default java.util.Optional<ChangeTable> table() {
        return java.util.Optional.empty();
    }

    /**
     * Moves the snapshot forward for the recorded successes, in one transaction, and ends this change set.
     *
     * @return what the snapshot took
     */
    CommitResult commit();

    /** Releases the change set. Recorded but uncommitted outcomes are kept for the next detection to commit. */
    @Override
    void close();
}

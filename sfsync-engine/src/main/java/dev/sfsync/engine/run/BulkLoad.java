package dev.sfsync.engine.run;

import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.plan.WriteKind;
import dev.sfsync.salesforce.bulk.BulkRowResult;
import dev.sfsync.salesforce.error.SalesforceException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One write kind's rows streaming into one Bulk load on a thread of its own: rows are added as the runner prepares
 * them (waiting while the upload is behind), the client spools and uploads them job by job, and when the input is
 * finished and every job has ended, each row's result becomes its outcome. Rows that failed with a retryable code
 * go again, alone, in a new load after the split-retry wait, up to the policy's tries. Holds no record in memory.
 */
final class BulkLoad {
    /** Rows waiting between the runner and the upload: enough to keep the upload busy, few enough to cost nothing. */
    private static final int QUEUE_ROWS = 2_000;
    private static final List<String> END = List.of();
    private static final int OUTCOMES_PER_HANDOVER = 10_000;

    /**
     * What the load needs from the run it belongs to; {@code links} learns which result read (Bulk 2.0 failedResults,
     * Bulk 1.0 batch result) decided each failed row; {@code createsUncertain} hears when rows to create failed without
     * Salesforce's answer for them (an upload, poll or results read failing, a row no result names): they may have been
     * created, so the run keeps their intents and job ids for the next run to reconcile before sending them again.
     */
    record Context(BulkApi api, String object, String externalIdField, SplitRetry retry, Path workDirectory,
                   Consumer<List<RowOutcome>> outcomes, Consumer<SalesforceException> runEnded, CallLinks links, Runnable createsUncertain) {
    }

    private final Context context;
    private final WriteKind kind;
    private final List<String> columns;
    private final BulkRows rows;
    private final BlockingQueue<List<String>> queue = new ArrayBlockingQueue<>(QUEUE_ROWS);
    private final ReentrantLock adding = new ReentrantLock();
    private final Thread thread;
    private volatile SalesforceException failure;
    /** A failure that is not Salesforce's answer (a full disk, a bug): the run stops with it. */
    private volatile RuntimeException crash;
    private boolean closed;

    BulkLoad(Context context, WriteKind kind, List<String> columns) {
        this.context = context;
        this.kind = kind;
        this.columns = List.copyOf(columns);
        this.rows = new BulkRows(context.workDirectory());
        this.thread = Thread.ofPlatform().daemon().name("sfsync-bulk-" + kind.name().toLowerCase(java.util.Locale.ROOT)).start(this::runRounds);
    }

    List<String> columns() {
        return columns;
    }

    /** Rows this load took so far. */
    int size() {
        adding.lock();
        try {
            return rows.size();
        } finally {
            adding.unlock();
        }
    }

    /** Hands one row to the load; thread-safe. A row added after the load failed fails at once with its error. */
    void add(RowKey key, String recordId, List<String> cells) {
        boolean taken = false;
        adding.lock();
        try {
            if (!closed) {
                rows.add(new BulkRows.Row(key, recordId, cells));
                taken = true;
                if (offer(cells)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the run was interrupted", e);
        } finally {
            adding.unlock();
        }
        if (crash != null) {
            throw crash;
        }
        if (taken) {
            return; // the load failed while the row waited: the row is one of the load's, and its failure settles them all
        }
        if (failure == null) {
            throw new IllegalStateException("a row was added to a Bulk load after it was finished");
        }
        context.outcomes().accept(List.of(new RowOutcome.Failed(key, Errors.row(failure), 1)));
    }

    /** No more rows: the load closes its last job and waits for the results. */
    void finish() {
        adding.lock();
        try {
            if (!closed) {
                closed = true;
                offer(END);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the run was interrupted", e);
        } finally {
            adding.unlock();
        }
    }

    /**
     * Waits up to the given time for every row's outcome to be handed over; true when they all were.
     * Throws what stopped the load if it was not Salesforce's answer.
     */
    boolean awaitOutcomes(long millis) throws InterruptedException {
        boolean done = thread.join(java.time.Duration.ofMillis(millis));
        if (done && crash != null) {
            throw crash;
        }
        return done;
    }

    /** Stops the load's thread (the run is being abandoned); rows without an outcome stay unsent and are sent next run. */
    void abandon() {
        thread.interrupt();
    }

    /** @return false when the load failed and will take no more rows */
    private boolean offer(List<String> cells) throws InterruptedException {
        while (!queue.offer(cells, 50, TimeUnit.MILLISECONDS)) {
            if (failure != null || crash != null) {
                return false;
            }
        }
        return true;
    }

    private void runRounds() {
        BulkRows round = rows;
        Iterator<List<String>> input = fromQueue();
        try {
            for (int attempt = 1; round != null; attempt++) {
                BulkRows again = loadAndSettle(round, input, attempt);
                if (again != null && again.size() == 0) {
                    again.close();
                    again = null;
                }
                if (again != null) {
                    context.retry().waitBefore(attempt + 1);
                    input = fromRows(again);
                }
                if (round != rows) {
                    round.close();
                }
                round = again;
            }
        } catch (SplitRetry.RunInterrupted e) {
            // The run is stopping: rows without an outcome stay out of the snapshot and go next run.
        } catch (RuntimeException e) {
            crash = e;
            closeInput(rows);
        } finally {
            rows.close();
        }
    }

    /** One load of the round's rows; returns the rows to retry (null when none may be). */
    private BulkRows loadAndSettle(BulkRows round, Iterator<List<String>> input, int attempt) {
        BitSet settled = new BitSet();
        List<RowOutcome> outcomes = new ArrayList<>();
        BulkRows again = attempt < context.retry().maxTries() ? new BulkRows(context.workDirectory()) : null;
        try (BulkApi.Results results = context.api().load(context.object(), kind.operation(),
                kind == WriteKind.UPSERT ? context.externalIdField() : null, columns, input);
             Stream<BulkRowResult> stream = results.stream()) {
            for (BulkRowResult result : (Iterable<BulkRowResult>) stream::iterator) {
                if (result.row() < 0 || settled.get((int) result.row())) {
                    continue; // a result the client could not match to a row it sent; every row still gets one below
                }
                int index = (int) result.row();
                settled.set(index);
                BulkRows.Row row = round.get(index);
                if (result.succeeded()) {
                    hand(outcomes, ChunkWriter.written(kind, row.key(), row.recordId(), result.id(), result.created()));
                } else if (again != null && context.retry().retries(result.error().code())) {
                    again.add(row);
                } else {
                    // The client hands a failed row out once the call that answered it was read: the thread's last call.
                    Long call = context.links().lastCall();
                    if (call != null && result.outcome() == BulkRowResult.Outcome.FAILED) {
                        context.links().decided(row.key(), call);
                    }
                    hand(outcomes, new RowOutcome.Failed(row.key(), Errors.row(result.error()), attempt));
                }
            }
        } catch (SalesforceException e) {
            failure = e;
            int total = closeInput(round);
            Long call = context.links().lastCall();
            for (int index = settled.nextClearBit(0); call != null && index < total; index = settled.nextClearBit(index + 1)) {
                context.links().decided(round.get(index).key(), call);
            }
            uncertainIfCreating(total > settled.cardinality());
            failUnsettled(round, total, settled, outcomes, Errors.row(e), attempt);
            context.outcomes().accept(List.copyOf(outcomes));
            if (ChunkWriter.endsRun(e)) {
                context.runEnded().accept(e);
            }
            if (again != null) {
                again.close();
            }
            return null;
        }
        uncertainIfCreating(round.size() > settled.cardinality());
        failUnsettled(round, round.size(), settled, outcomes,
                RowError.of(Errors.NOT_SENT, "Salesforce reported no result for this row; it is sent again next run"), attempt);
        context.outcomes().accept(List.copyOf(outcomes));
        return again;
    }

    /** After a failure: no row may be added any more; returns how many the round holds. */
    private int closeInput(BulkRows round) {
        adding.lock();
        try {
            closed = true;
            queue.clear();
            return round.size();
        } finally {
            adding.unlock();
        }
    }

    /** Rows failed without Salesforce's answer: when they were to be created, they may have been. */
    private void uncertainIfCreating(boolean unanswered) {
        if (unanswered && kind == WriteKind.CREATE) {
            context.createsUncertain().run();
        }
    }

    private void failUnsettled(BulkRows round, int total, BitSet settled, List<RowOutcome> outcomes, RowError error, int attempt) {
        for (int index = settled.nextClearBit(0); index < total; index = settled.nextClearBit(index + 1)) {
            hand(outcomes, new RowOutcome.Failed(round.get(index).key(), error, attempt));
        }
    }

    private void hand(List<RowOutcome> outcomes, RowOutcome outcome) {
        outcomes.add(outcome);
        if (outcomes.size() >= OUTCOMES_PER_HANDOVER) {
            context.outcomes().accept(List.copyOf(outcomes));
            outcomes.clear();
        }
    }

    /** The rows the runner adds, as the client's row iterator: blocks until the next row or the end. */
    private Iterator<List<String>> fromQueue() {
        return new Iterator<>() {
            private List<String> next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new SplitRetry.RunInterrupted();
                    }
                }
                return next != END;
            }

            @Override
            public List<String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<String> row = next;
                next = null;
                return row;
            }
        };
    }

    /** A retry round's rows, read back from disk in order. */
    private static Iterator<List<String>> fromRows(BulkRows retry) {
        return new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return index < retry.size();
            }

            @Override
            public List<String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return retry.get(index++).cells();
            }
        };
    }
}

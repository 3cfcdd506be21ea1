package dev.sfsync.server.web;

import dev.sfsync.core.RunId;
import dev.sfsync.core.outcome.OutcomeStatus;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.store.StateStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A run's failed and rejected rows, read from the store in chunks: a page of those matching a search, one row by its
 * place, or all of them in order (for the CSV). Memory holds one chunk, whatever the run's size.
 */
public final class FailedRows {
    static final Set<OutcomeStatus> NOT_DONE = Set.of(OutcomeStatus.FAILED, OutcomeStatus.REJECTED);
    private static final int CHUNK = 1_000;

    /** A page of matching rows, and whether more match after it. */
    public record Page(List<FailedRow> rows, boolean more) {
    }

    private final StateStore store;

    FailedRows(StateStore store) {
        this.store = store;
    }

    Page page(RunId run, String query, int offset, int limit) {
        List<FailedRow> rows = new ArrayList<>();
        int[] matched = {0};
        boolean[] more = {false};
        each(run, row -> {
            if (!row.matches(query)) {
                return true;
            }
            int place = matched[0]++;
            if (place >= offset + limit) {
                more[0] = true;
                return false;
            }
            if (place >= offset) {
                rows.add(row);
            }
            return true;
        });
        return new Page(rows, more[0]);
    }

    Optional<FailedRow> at(RunId run, int index) {
        if (index < 0) {
            return Optional.empty();
        }
        List<RowOutcome> one = store.outcomes().list(run, NOT_DONE, 1, index);
        return one.isEmpty() ? Optional.empty() : Optional.of(FailedRow.of(index, one.getFirst()));
    }

    /** The API call that carried this row's outcome (its number in the API log), when the run recorded it. */
    Optional<Long> callOf(RunId run, FailedRow row) {
        return store.outcomes().callOf(run, new dev.sfsync.core.model.RowKey(row.key()));
    }

    void all(RunId run, Consumer<FailedRow> sink) {
        each(run, row -> {
            sink.accept(row);
            return true;
        });
    }

    /** Walks the rows in the store's order until {@code visit} answers false. */
    private void each(RunId run, java.util.function.Predicate<FailedRow> visit) {
        int offset = 0;
        while (true) {
            List<RowOutcome> chunk = store.outcomes().list(run, NOT_DONE, CHUNK, offset);
            for (int i = 0; i < chunk.size(); i++) {
                if (!visit.test(FailedRow.of(offset + i, chunk.get(i)))) {
                    return;
                }
            }
            if (chunk.size() < CHUNK) {
                return;
            }
            offset += CHUNK;
        }
    }
}

package dev.sfsync.store;

import dev.sfsync.core.RunId;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.OutcomeStatus;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.core.outcome.RunSummary;
import dev.sfsync.store.internal.Database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every row's outcome per run, with the Salesforce error code and message of failed and rejected rows; rows that
 * succeeded may instead be kept as counts ({@link #count}), which {@link #summarize} adds to the rows kept one by one.
 */
public final class RowOutcomes {
    /** Separates the values of a composite key in the stored text (a control character no key value contains). */
    static final String KEY_SEPARATOR = "\u001F";

    private final Database db;

    RowOutcomes(Database db) {
        this.db = db;
    }

    /** Stores the outcomes in one transaction. */
    public void record(RunId run, Collection<? extends RowOutcome> outcomes) {
        record(run, outcomes, null);
    }

    /**
     * Stores the outcomes in one transaction, pointing each at the API call whose answer carried it ({@link LoggedCall#seq},
     * null when unknown), so that a failed row can be shown with the exact request and Salesforce's answer.
     */
    public void record(RunId run, Collection<? extends RowOutcome> outcomes, Long callSeq) {
        List<Object[]> rows = new ArrayList<>(outcomes.size());
        for (RowOutcome outcome : outcomes) {
            RowError error = outcome.error();
            Integer attempt = outcome instanceof RowOutcome.Failed failed ? failed.attempt() : null;
            rows.add(new Object[] {run.value(), String.join(KEY_SEPARATOR, outcome.key().values()), outcome.status().name(), outcome.recordId(),
                    error == null ? null : error.code(), error == null ? null : error.message(),
                    error == null || error.fields().isEmpty() ? null : String.join(",", error.fields()), attempt, callSeq});
        }
        db.batch("INSERT INTO row_outcomes (run_id, row_key, status, record_id, error_code, error_message, error_fields, attempt, call_seq)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * Keeps rows that succeeded as counts by status, in one transaction, pointing at the API call whose answer carried
     * them (null when unknown): a run's summary includes them, its {@link #list} does not.
     */
    public void count(RunId run, Map<OutcomeStatus, Long> counts, Long callSeq) {
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((status, n) -> {
            if (n > 0) {
                rows.add(new Object[] {run.value(), status.name(), n, callSeq});
            }
        });
        if (!rows.isEmpty()) {
            db.batch("INSERT INTO outcome_counts (run_id, status, row_count, call_seq) VALUES (?, ?, ?, ?)", rows);
        }
    }

    /**
     * Stores rows one by one and rows as counts ({@link #record}, {@link #count}) in one transaction: a process that dies
     * while keeping a batch leaves all of it or none, never its failed rows without the successes counted beside them.
     */
    public void record(RunId run, Collection<? extends RowOutcome> outcomes, Map<OutcomeStatus, Long> counts, Long callSeq) {
        db.inTransaction(() -> {
            if (!outcomes.isEmpty()) {
                record(run, outcomes, callSeq);
            }
            count(run, counts, callSeq);
            return null;
        });
    }

    /** The API call that carried this row's outcome in the run (its number in the {@link ApiLog}), when it is known. */
    public java.util.Optional<Long> callOf(RunId run, RowKey key) {
        return db.queryOne("SELECT call_seq FROM row_outcomes WHERE run_id = ? AND row_key = ? AND call_seq IS NOT NULL ORDER BY call_seq DESC",
                rs -> rs.getLong(1), run.value(), String.join(KEY_SEPARATOR, key.values()));
    }

    /** Outcome counts of the run, by status: the rows kept one by one and those kept as counts. */
    public RunSummary summarize(RunId run) {
        Map<OutcomeStatus, Long> counts = new EnumMap<>(OutcomeStatus.class);
        db.query("SELECT status, sum(n) FROM (SELECT status, count(*) AS n FROM row_outcomes WHERE run_id = ? GROUP BY status"
                        + " UNION ALL SELECT status, sum(row_count) AS n FROM outcome_counts WHERE run_id = ? GROUP BY status) t GROUP BY status",
                rs -> counts.put(OutcomeStatus.valueOf(rs.getString(1)), rs.getLong(2)), run.value(), run.value());
        return RunSummary.of(counts);
    }

    /** Failed and rejected rows of the run by error code, most frequent first. */
    public Map<String, Long> errorCounts(RunId run) {
        Map<String, Long> counts = new LinkedHashMap<>();
        db.query("SELECT error_code, count(*) AS n FROM row_outcomes WHERE run_id = ? AND error_code IS NOT NULL GROUP BY error_code"
                + " ORDER BY n DESC, error_code", rs -> counts.put(rs.getString(1), rs.getLong(2)), run.value());
        return counts;
    }

    /**
     * A page of the run's outcomes kept one by one with the given statuses (all when empty), in the order they were
     * recorded per status: every failed and rejected row, and the rows that succeeded only where they were not kept as counts.
     */
    public List<RowOutcome> list(RunId run, Set<OutcomeStatus> statuses, int limit, int offset) {
        String filter = statuses.isEmpty() ? "" : " AND status IN (" + String.join(", ", statuses.stream().map(s -> "'" + s.name() + "'").toList()) + ")";
        return db.query("SELECT row_key, status, record_id, error_code, error_message, error_fields, attempt FROM row_outcomes"
                + " WHERE run_id = ?" + filter + " ORDER BY status, row_key LIMIT ? OFFSET ?", RowOutcomes::map, run.value(), limit, offset);
    }

    private static RowOutcome map(ResultSet rs) throws SQLException {
        RowKey key = new RowKey(Arrays.asList(rs.getString(1).split(KEY_SEPARATOR, -1)));
        String fields = rs.getString(6);
        RowError error = rs.getString(4) == null ? null
                : new RowError(rs.getString(4), rs.getString(5), fields == null ? List.of() : List.of(fields.split(",")));
        return switch (OutcomeStatus.valueOf(rs.getString(2))) {
            case CREATED -> new RowOutcome.Created(key, rs.getString(3));
            case UPDATED -> new RowOutcome.Updated(key, rs.getString(3));
            case DELETED -> new RowOutcome.Deleted(key, rs.getString(3));
            case UNCHANGED -> new RowOutcome.Unchanged(key);
            case REJECTED -> new RowOutcome.RejectedLocally(key, error);
            case FAILED -> new RowOutcome.Failed(key, error, rs.getInt(7));
            case MERGED -> new RowOutcome.Merged(key, rs.getString(3));
        };
    }
}

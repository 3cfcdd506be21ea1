package dev.sfsync.engine.run;

import dev.sfsync.core.PhaseTimings;
import dev.sfsync.core.change.ChangeTable;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.OutcomeStatus;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.plan.RowPlan;
import dev.sfsync.engine.plan.SqlRecords;
import dev.sfsync.engine.plan.WriteKind;
import dev.sfsync.engine.sync.ApiChoice;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.bulk.BulkErrorText;
import dev.sfsync.salesforce.bulk.BulkRowResult;
import dev.sfsync.salesforce.bulk1.Bulk1Client;
import dev.sfsync.salesforce.bulk1.Bulk1Run;
import dev.sfsync.salesforce.bulk1.Bulk1Spec;
import dev.sfsync.salesforce.bulk2.IngestSpec;
import dev.sfsync.salesforce.bulk2.JobInfo;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Bulk API 2.0 or 1.0 upsert, or insert with an idempotency key, done set-based in the change set's own database: one statement turns the clean changes into
 * the upload's cells, DuckDB writes each job's CSV ({@code COPY ... TO}), the result files Salesforce returns are saved
 * to disk and read by DuckDB's CSV reader, and joined back to the rows by their external ID (unique among them, since
 * rows sharing a match value are left to the planner, which refuses them). Java only sees the outcomes, in batches.
 * Rows failing with a retryable code go again, alone, after the split-retry wait, up to the policy's tries; every job
 * id reaches the write-ahead log before any row is uploaded into it.
 */
final class SqlBulkLoad {
    private static final int OUTCOMES_PER_SETTLE = Runner.OUTCOMES_PER_SETTLE;
    /** DuckDB's memory while a load runs: its tables go to disk past it, so the run's memory does not grow with the rows. */
    static final String LOAD_MEMORY_LIMIT = "256MB";
    private static final String[] RESULT_SETS = {"successfulResults", "failedResults", "unprocessedrecords"};

    /**
     * What the load needs from its run; {@code links} learns which logged call decided each failed row.
     *
     * @param counted null: every outcome is settled as a row; otherwise rows that succeeded are recorded in the change set
     *                straight from the joined results and only their counts by status reach this
     */
    record Context(SalesforceClient client, ApiChoice api, BulkApi bulkApi, String object, SplitRetry retry, WriteAheadLog log,
                   Consumer<List<RowOutcome>> settle, BooleanSupplier cancelled, BooleanSupplier leaseLost, CallLinks links,
                   Consumer<Map<OutcomeStatus, Long>> counted) {
        Context withCounted(Consumer<Map<OutcomeStatus, Long>> counter) {
            return new Context(client, api, bulkApi, object, retry, log, settle, cancelled, leaseLost, links, counter);
        }
    }

    private final Context context;
    private final SqlRecords records;
    private final ChangeTable table;
    private final String rowCondition;
    private final long maxBytesPerJob;
    private final int rowsPerJob;
    private final Path directory;
    private boolean heldBack;
    /** Creates failed by a call that may have reached Salesforce (an upload, poll or results read): their fate is unknown. */
    private boolean createsUncertain;

    /** @param rowCondition which changes (aliased {@code c}) the load takes; the caller sends the others row by row */
    SqlBulkLoad(Context context, SqlRecords records, ChangeTable table, String rowCondition, long maxBytesPerJob, int rowsPerJob) {
        this.context = context;
        this.records = records;
        this.table = table;
        this.rowCondition = rowCondition;
        this.maxBytesPerJob = maxBytesPerJob;
        this.rowsPerJob = rowsPerJob;
        this.directory = context.client().workDirectory();
    }

    boolean heldBackForCancel() {
        return heldBack;
    }

    /** Whether rows to create failed without Salesforce's answer for them: the next run must reconcile them first. */
    boolean createsLeftUncertain() {
        return createsUncertain;
    }

    private void uncertainIfCreating() {
        createsUncertain |= records.kind() == WriteKind.CREATE;
    }

    /** Sends the changes the load does not take (the planner decides them row by row), before the load's first upload. */
    @FunctionalInterface
    interface OffPath {
        /** @return whether the run goes on to the load */
        boolean send();
    }

    /**
     * Sends the load's rows, the changes it does not take sent first by {@code offPath}, which is skipped when the load
     * takes every change (as a first run of clean rows does): finding that none is left would cost a scan of the changes
     * judging each row again (6 of a million-row first run's 42 CPU seconds). A load whose rows are all its own (the
     * removed rows, whose off-path ones went before it) passes {@code () -> true}.
     *
     * @return why the run stopped early, or null (null also when {@code offPath} stopped it: it says why itself)
     */
    String run(OffPath offPath) {
        // The upload's tables hold every row's cells: DuckDB spills them to disk past the lowered limit, instead of keeping
        // them in memory beside the change set (a million rows took the run from 400 to 900 MB).
        try (Connection sql = table.connect(); Statement statement = sql.createStatement();
             LoadMemory lowered = LoadMemory.lower(statement, LOAD_MEMORY_LIMIT)) {
            return load(statement, offPath);
        } catch (SQLException e) {
            throw new IllegalStateException("the set-based Bulk load failed in the snapshot store: " + e.getMessage(), e);
        }
    }

    private String load(Statement statement, OffPath offPath) throws SQLException {
        try {
            Files.createDirectories(directory);
            int k = table.keyCount();
            List<String> cells = records.cells();
            statement.execute("CREATE OR REPLACE TEMP TABLE sfsync_upload AS SELECT row_number() OVER () AS _n, "
                    + keys("c", k) + ", " + IntStream.range(0, cells.size()).mapToObj(i -> cells.get(i) + " AS _c" + i).collect(Collectors.joining(", "))
                    + " FROM " + table.name() + " c WHERE " + rowCondition);
            statement.execute("CREATE OR REPLACE TEMP TABLE sfsync_round AS SELECT _n FROM sfsync_upload");
            PhaseTimings.mark("bulk upload table");
            try {
                if (count(statement, "sfsync_upload") < count(statement, table.name())) {
                    boolean goOn = offPath.send();
                    PhaseTimings.mark("rows off the set path");
                    if (!goOn) {
                        return null;
                    }
                }
                for (int attempt = 1; ; attempt++) {
                    if (count(statement, "sfsync_round") == 0) {
                        return null;
                    }
                    if (attempt > 1) {
                        context.retry().waitBefore(attempt);
                    }
                    Round round = context.bulkApi() instanceof BulkApi.Bulk1 bulk1 ? sendBulk1(statement, attempt, bulk1) : send(statement, attempt);
                    if (round.stopped != null || heldBack) {
                        return round.stopped;
                    }
                    if (!round.retry) {
                        return null;
                    }
                }
            } finally {
                statement.execute("DROP TABLE IF EXISTS sfsync_upload");
                statement.execute("DROP TABLE IF EXISTS sfsync_round");
                statement.execute("DROP TABLE IF EXISTS sfsync_results");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Bulk upload files in " + directory + "; point the work directory at a writable disk", e);
        }
    }

    /** What one round left: why the run stopped (or null), and whether rows go again. */
    private record Round(String stopped, boolean retry) {
    }

    private Round send(Statement statement, int attempt) throws SQLException, IOException {
        List<String> columns = records.columns();
        IngestSpec spec = IngestSpec.of(context.object(), records.kind().operation(), externalIdField(), columns);
        long header = String.join(",", columns).length() + 1L;
        long perJob = Math.max(1024, maxBytesPerJob - header);
        statement.execute("CREATE OR REPLACE TEMP TABLE sfsync_parts AS SELECT u._n, CAST((sum(" + rowBytes() + ") OVER (ORDER BY u._n"
                + " ROWS UNBOUNDED PRECEDING) - 1) // " + perJob + " AS BIGINT) AS _b, (row_number() OVER (ORDER BY u._n) - 1) // " + rowsPerJob
                + " AS _r FROM sfsync_upload u JOIN sfsync_round r USING (_n)");
        // Rows sharing both numbers are a job: at most perJob bytes (or one larger row alone) and rowsPerJob rows.
        statement.execute("CREATE OR REPLACE TEMP TABLE sfsync_parts AS SELECT _n, dense_rank() OVER (ORDER BY _b, _r) - 1 AS _part FROM sfsync_parts");
        long parts = queryLong(statement, "SELECT coalesce(max(_part) + 1, 0) FROM sfsync_parts");
        PhaseTimings.mark("bulk split");
        statement.execute("CREATE OR REPLACE TEMP TABLE sfsync_results (_job VARCHAR, _set VARCHAR, _id VARCHAR, _created VARCHAR, _error VARCHAR, _c0 VARCHAR,"
                + " _call BIGINT)");
        Map<String, JobInfo> jobs = new LinkedHashMap<>();
        Map<String, Long> sent = new LinkedHashMap<>();
        String notSent = null;
        String stopped = null;
        Map<String, Long> partOf = new LinkedHashMap<>();
        for (long part = 0; part < parts; part++) {
            if (context.cancelled().getAsBoolean()) {
                heldBack = true;
                statement.execute("DELETE FROM sfsync_parts WHERE _part >= " + part);
                break;
            }
            if (context.leaseLost().getAsBoolean()) {
                notSent = "not sent: this run lost its lease on the sync (the state store was unreachable longer than the lease lasts),"
                        + " so another process may be running it";
                break;
            }
            logCreates(statement, "p._part = " + part);
            Path csv = Files.createTempFile(directory, "sfsync-upload-", ".csv");
            try {
                long rows = copyPart(statement, columns, part, csv);
                PhaseTimings.mark("bulk copy");
                JobInfo job = context.client().bulk2().submitFile(spec, csv, id -> context.log().jobOpened(context.api(), id));
                PhaseTimings.mark("bulk upload");
                jobs.put(job.id(), job);
                sent.put(job.id(), rows);
                partOf.put(job.id(), part);
            } catch (SalesforceException e) {
                // The parts before this one are uploaded and go on at Salesforce: their results still count.
                stopped = failParts(statement, "_part >= " + part, e, attempt);
                break;
            } finally {
                Files.deleteIfExists(csv);
            }
        }
        List<String> waiting = new ArrayList<>(jobs.keySet());
        while (!waiting.isEmpty()) {
            String jobId = waiting.getFirst();
            try {
                JobInfo done = context.client().bulk2().awaitJob(jobId, sent.get(jobId));
                PhaseTimings.mark("bulk await job");
                load(statement, done, sent.get(jobId));
                jobs.put(jobId, done);
                waiting.removeFirst();
            } catch (SalesforceException e) {
                // Jobs whose results are loaded are settled from them; only the ones not read yet fail with the error.
                String unread = waiting.stream().map(id -> String.valueOf(partOf.get(id))).collect(Collectors.joining(", "));
                String stop = failParts(statement, "_part IN (" + unread + ")", e, attempt);
                stopped = stopped != null ? stopped : stop;
                break;
            }
        }
        boolean retry = settle(statement, jobs, attempt, notSent);
        PhaseTimings.mark("bulk settle");
        return new Round(stopped, stopped == null && retry);
    }

    /** The parts meeting {@code condition} fail with the call's error and leave the round; says whether the run stops. */
    private String failParts(Statement statement, String condition, SalesforceException e, int attempt) throws SQLException {
        uncertainIfCreating();
        failRows(statement, "p." + condition, Errors.row(e), attempt, context.links().lastCall());
        statement.execute("DELETE FROM sfsync_parts WHERE " + condition);
        return ChunkWriter.endsRun(e) ? e.getMessage() : null;
    }

    /**
     * Bulk API 1.0: a job per {@code rowsPerJob} rows, each of batches within the batch size and 10 MB, written by
     * DuckDB as the job has room for them. Bulk 1.0 answers each batch's rows in their order, so its results are
     * matched to the rows by position, streaming beside the rows read back in the order they were written.
     */
    private Round sendBulk1(Statement statement, int attempt, BulkApi.Bulk1 api) throws SQLException {
        List<String> columns = records.columns();
        Bulk1Spec spec = Bulk1Spec.of(context.object(), records.kind().operation(), externalIdField(), columns).withBatchSize(api.batchSize())
                .withConcurrencyMode(api.concurrency()).withBatchesInFlight(api.batchesInFlight());
        long perBatch = Math.max(1024, Bulk1Spec.MAX_BATCH_BYTES - String.join(",", columns).length() - 1L);
        statement.execute("CREATE OR REPLACE TEMP TABLE sfsync_parts AS SELECT u._n, CAST((sum(" + rowBytes() + ") OVER (ORDER BY u._n"
                + " ROWS UNBOUNDED PRECEDING) - 1) // " + perBatch + " AS BIGINT) AS _b, (row_number() OVER (ORDER BY u._n) - 1) AS _i"
                + " FROM sfsync_upload u JOIN sfsync_round r USING (_n)");
        statement.execute("CREATE OR REPLACE TEMP TABLE sfsync_parts AS SELECT _n, _i // " + rowsPerJob + " AS _job, dense_rank() OVER (ORDER BY _i // "
                + rowsPerJob + ", _b, _i // " + api.batchSize() + ") - 1 AS _part FROM sfsync_parts");
        long jobs = queryLong(statement, "SELECT coalesce(max(_job) + 1, 0) FROM sfsync_parts");
        PhaseTimings.mark("bulk split");
        List<Long> again = new ArrayList<>();
        String stopped = null;
        for (long job = 0; job < jobs; job++) {
            if (context.cancelled().getAsBoolean()) {
                heldBack = true;
                break;
            }
            if (context.leaseLost().getAsBoolean()) {
                failRows(statement, "p._job >= " + job, RowError.of(Errors.NOT_SENT, "not sent: this run lost its lease on the sync (the state"
                        + " store was unreachable longer than the lease lasts), so another process may be running it"), attempt);
                break;
            }
            logCreates(statement, "p._job = " + job);
            List<Path> written = new ArrayList<>();
            try {
                Bulk1Run run = context.client().bulk1().loadFiles(spec, batchFiles(statement, job, columns, written),
                        id -> context.log().jobOpened(context.api(), id));
                PhaseTimings.mark("bulk1 copy, upload and await batches");
                SalesforceException unread = settleInOrder(statement, job, run, attempt, again);
                PhaseTimings.mark("bulk1 results and settle");
                if (unread != null && ChunkWriter.endsRun(unread)) {
                    stopped = unread.getMessage();
                    break;
                }
            } catch (SalesforceException e) {
                uncertainIfCreating();
                failRows(statement, "p._job = " + job, Errors.row(e), attempt, context.links().lastCall());
                if (ChunkWriter.endsRun(e)) {
                    stopped = e.getMessage();
                    break;
                }
            } finally {
                for (Path file : written) {
                    deleteQuietly(file);
                }
            }
        }
        nextRound(statement, stopped == null ? again : List.of());
        return new Round(stopped, stopped == null && !again.isEmpty());
    }

    /** An upsert's external ID field (the first column); inserts name none. */
    private String externalIdField() {
        return records.kind() == WriteKind.UPSERT ? records.columns().getFirst() : null;
    }

    /**
     * Inserts keep their intents before any of their rows can reach Salesforce, as the row path does per chunk: each
     * row's key and idempotency value (the first column), so that a run killed mid-upload is reconciled, not resent.
     */
    private void logCreates(Statement statement, String partCondition) throws SQLException {
        if (records.kind() != WriteKind.CREATE) {
            return;
        }
        int k = table.keyCount();
        List<RowPlan.Write> batch = new ArrayList<>();
        try (Statement query = statement.getConnection().createStatement();
             ResultSet rs = query.executeQuery("SELECT " + keys("u", k) + ", u._c0 FROM sfsync_upload u JOIN sfsync_parts p USING (_n) WHERE "
                     + partCondition)) {
            while (rs.next()) {
                batch.add(new RowPlan.Write(key(rs, k), WriteKind.CREATE, Map.of(), null, rs.getString(k + 1), Map.of()));
                if (batch.size() >= OUTCOMES_PER_SETTLE) {
                    context.log().creating(batch);
                    batch = new ArrayList<>();
                }
            }
        }
        if (!batch.isEmpty()) {
            context.log().creating(batch);
        }
    }

    /** The job's batches as CSV files, each written when the client asks for it. */
    private java.util.Iterator<Bulk1Client.BatchFile> batchFiles(Statement statement, long job, List<String> columns, List<Path> written)
            throws SQLException {
        long first = queryLong(statement, "SELECT min(_part) FROM sfsync_parts WHERE _job = " + job);
        long last = queryLong(statement, "SELECT max(_part) FROM sfsync_parts WHERE _job = " + job);
        return new java.util.Iterator<>() {
            private long next = first;

            @Override
            public boolean hasNext() {
                return next <= last;
            }

            @Override
            public Bulk1Client.BatchFile next() {
                try {
                    Path csv = Files.createTempFile(directory, "sfsync-batch-", ".csv");
                    written.add(csv);
                    long rows = copyPart(statement, columns, next, csv);
                    next++;
                    return new Bulk1Client.BatchFile(csv, Math.toIntExact(rows));
                } catch (SQLException e) {
                    throw new IllegalStateException("the set-based Bulk load failed in the snapshot store: " + e.getMessage(), e);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write a Bulk upload file in " + directory + " (disk full?)", e);
                }
            }
        };
    }

    /**
     * The job's results, in row order, beside its rows read back in the order they were written. When reading the
     * results fails part-way, the rows already answered keep their answers and only the rest fail with the error,
     * which is returned (null when every row was answered).
     */
    private SalesforceException settleInOrder(Statement statement, long job, Bulk1Run run, int attempt, List<Long> again) throws SQLException {
        int k = table.keyCount();
        boolean retries = attempt < context.retry().maxTries();
        List<RowOutcome> batch = new ArrayList<>();
        SucceededRows succeeded = context.counted() == null ? null : new SucceededRows(directory);
        try (succeeded; Statement rows = statement.getConnection().createStatement();
             ResultSet rs = rows.executeQuery("SELECT " + keys("u", k) + ", u._n FROM sfsync_upload u JOIN sfsync_parts p USING (_n) WHERE p._job = "
                     + job + " ORDER BY p._part, u._n");
             java.util.stream.Stream<BulkRowResult> results = run.results()) {
            long expected = 0;
            Iterator<BulkRowResult> answers = results.iterator();
            SalesforceException unread = null;
            while (true) {
                BulkRowResult result;
                try {
                    if (!answers.hasNext()) {
                        break;
                    }
                    result = answers.next();
                } catch (SalesforceException e) {
                    unread = e;
                    break;
                }
                if (result.row() != expected++ || !rs.next()) {
                    throw new IllegalStateException("Bulk API 1.0 job " + run.jobId() + " answered row " + result.row() + " where row " + (expected - 1)
                            + " was due; its batches' results must come in the rows' order");
                }
                if (result.succeeded() && succeeded != null) {
                    succeeded.add(rs.getLong(k + 1), result.id(), result.created());
                    continue;
                }
                RowKey key = key(rs, k);
                if (result.succeeded()) {
                    batch.add(ChunkWriter.written(records.kind(), key, null, result.id(), result.created()));
                } else if (retries && context.retry().retries(result.error().code())) {
                    again.add(rs.getLong(k + 1));
                } else {
                    // A batch's results are read whole before they are handed out: the last call is its result read.
                    Long call = context.links().lastCall();
                    if (call != null && result.outcome() == BulkRowResult.Outcome.FAILED) {
                        context.links().decided(key, call);
                    }
                    batch.add(new RowOutcome.Failed(key, Errors.row(result.error()), attempt));
                }
                if (batch.size() >= OUTCOMES_PER_SETTLE) {
                    context.settle().accept(List.copyOf(batch));
                    batch.clear();
                }
            }
            Long failedRead = unread == null ? null : context.links().lastCall();
            if (unread != null) {
                uncertainIfCreating();
            }
            while (unread != null && rs.next()) {
                RowKey key = key(rs, k);
                if (failedRead != null) {
                    context.links().decided(key, failedRead);
                }
                batch.add(new RowOutcome.Failed(key, Errors.row(unread), attempt));
                if (batch.size() >= OUTCOMES_PER_SETTLE) {
                    context.settle().accept(List.copyOf(batch));
                    batch.clear();
                }
            }
            context.settle().accept(List.copyOf(batch));
            if (succeeded != null) {
                settleSucceeded(statement, succeeded.read());
            }
            return unread;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Bulk API 1.0 results to " + directory + " (disk full?)", e);
        }
    }

    /** DuckDB writes one part's rows as a CSV file with the columns as header; returns how many rows it holds. */
    private static long copyPart(Statement statement, List<String> columns, long part, Path csv) throws SQLException {
        statement.execute("COPY (SELECT " + IntStream.range(0, columns.size()).mapToObj(i -> "_c" + i + " AS " + ident(columns.get(i)))
                .collect(Collectors.joining(", ")) + " FROM sfsync_upload u JOIN sfsync_parts p USING (_n) WHERE p._part = " + part
                + " ORDER BY u._n) TO " + literal(csv.toString()) + " (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"')");
        return queryLong(statement, "SELECT count(*) FROM sfsync_parts WHERE _part = " + part);
    }

    /**
     * Each row's CSV bytes, from above: a cell and its separator, plus its quotes and doubled quotes when it may be quoted
     * (it holds a quote, separator or line break, is empty, or starts or ends with a space), so no part passes its limit.
     */
    private String rowBytes() {
        // Plain string tests, not a regular expression per cell (ten million of them at a million rows of ten cells).
        return IntStream.range(0, records.columns().size()).mapToObj(i -> "_c" + i).map(c -> "coalesce(strlen(" + c + ") + 1 + CASE WHEN " + c
                + " = '' OR contains(" + c + ", '\"') OR contains(" + c + ", ',') OR contains(" + c + ", chr(10)) OR contains(" + c + ", chr(13))"
                + " OR starts_with(" + c + ", ' ') OR ends_with(" + c + ", ' ') THEN 3 + strlen(" + c + ") - strlen(replace(" + c + ", '\"', '')) ELSE 0 END, 1)")
                .collect(Collectors.joining(" + "));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temporary file left behind is harmless.
        }
    }

    /** Saves the result sets the job's counts show to hold rows, and loads them into sfsync_results. */
    private void load(Statement statement, JobInfo job, long sent) throws SQLException, IOException {
        boolean complete = JobInfo.JOB_COMPLETE.equals(job.state()) && job.numberRecordsProcessed() == sent;
        for (String set : RESULT_SETS) {
            boolean empty = switch (set) {
                case "successfulResults" -> complete && job.numberRecordsFailed() == job.numberRecordsProcessed();
                case "failedResults" -> complete && job.numberRecordsFailed() == 0;
                default -> complete;
            };
            if (empty) {
                continue;
            }
            Path file = Files.createTempFile(directory, "sfsync-results-", ".csv");
            try {
                context.client().bulk2().saveResults(job.id(), set, file);
                PhaseTimings.mark("bulk results download");
                // The read that listed the job's failed rows: each failed row points at it.
                Long call = context.links().lastCall();
                if (lines(file) < 2) {
                    continue;
                }
                String match = ident(records.columns().getFirst());
                statement.execute("INSERT INTO sfsync_results SELECT " + literal(job.id()) + ", " + literal(set) + ", "
                        + (set.equals("unprocessedrecords") ? "NULL, NULL, NULL" : "\"sf__Id\", "
                        + (set.equals("successfulResults") ? "\"sf__Created\", NULL" : "NULL, \"sf__Error\""))
                        + ", " + match + ", " + (call == null ? "NULL" : call) + " FROM read_csv(" + literal(file.toString())
                        + ", header = true, all_varchar = true, delim = ',',"
                        + " quote = '\"', escape = '\"', auto_detect = true)");
                PhaseTimings.mark("bulk results read");
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private static long lines(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.limit(2).count();
        }
    }

    /**
     * Joins the results to the round's rows by external ID and settles them: successes in batches straight from the
     * join, failures one by one (they are few) with their parsed errors; retryable ones form the next round.
     *
     * @return whether rows go again
     */
    private boolean settle(Statement statement, Map<String, JobInfo> jobs, int attempt, String notSent) throws SQLException {
        int k = table.keyCount();
        boolean retries = attempt < context.retry().maxTries();
        statement.execute("CREATE OR REPLACE TEMP TABLE sfsync_matched AS SELECT u._n, " + keys("u", k) + ", r._job, r._set, r._id, r._created, r._error, r._call"
                + " FROM sfsync_upload u JOIN sfsync_round USING (_n) LEFT JOIN sfsync_parts p USING (_n)"
                + " LEFT JOIN sfsync_results r ON r._c0 = u._c0 WHERE p._n IS NOT NULL");
        // The joined rows carry all the results say: the raw results need not wait in memory beside them.
        statement.execute("DROP TABLE sfsync_results");
        List<RowOutcome> batch = new ArrayList<>();
        if (context.counted() != null) {
            settleSucceeded(statement);
        } else {
            try (ResultSet rs = statement.executeQuery("SELECT " + keys("", k) + ", _id, _created FROM sfsync_matched WHERE _set = 'successfulResults'")) {
                while (rs.next()) {
                    RowKey key = key(rs, k);
                    batch.add(ChunkWriter.written(records.kind(), key, null, rs.getString(k + 1), Boolean.parseBoolean(rs.getString(k + 2))));
                    if (batch.size() >= OUTCOMES_PER_SETTLE) {
                        context.settle().accept(List.copyOf(batch));
                        batch.clear();
                    }
                }
            }
        }
        List<Long> again = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT " + keys("", k) + ", _job, _set, _id, _error, _n, _call FROM sfsync_matched"
                + " WHERE _set IS DISTINCT FROM 'successfulResults'")) {
            while (rs.next()) {
                RowKey key = key(rs, k);
                String set = rs.getString(k + 2);
                RowError error;
                if (set == null) {
                    if (notSent == null) {
                        uncertainIfCreating();
                    }
                    error = notSent != null ? RowError.of(Errors.NOT_SENT, notSent)
                            : RowError.of(Errors.NOT_SENT, "Salesforce reported no result for this row; it is sent again next run");
                } else {
                    SalesforceError reported = set.equals("failedResults") ? BulkErrorText.parse(rs.getString(k + 4))
                            : notProcessed(jobs.get(rs.getString(k + 1)));
                    if (retries && context.retry().retries(reported.code())) {
                        again.add(rs.getLong(k + 5));
                        continue;
                    }
                    error = Errors.row(reported);
                    long call = rs.getLong(k + 6);
                    if (!rs.wasNull()) {
                        context.links().decided(key, call);
                    }
                }
                batch.add(new RowOutcome.Failed(key, error, attempt));
                if (batch.size() >= OUTCOMES_PER_SETTLE) {
                    context.settle().accept(List.copyOf(batch));
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            context.settle().accept(List.copyOf(batch));
        }
        statement.execute("DROP TABLE sfsync_matched");
        nextRound(statement, again);
        return !again.isEmpty();
    }

    /**
     * The rows Salesforce reported as written become the change set's outcomes in one INSERT ... SELECT from the joined
     * results (what {@link ChunkWriter#written} would make of each), and the run hears only their counts: no row of
     * them passes through Java. The snapshot takes them at the change set's commit, as it takes any recorded success.
     */
    private void settleSucceeded(Statement statement) throws SQLException {
        settleSucceeded(statement, "sfsync_matched WHERE _set = 'successfulResults'");
    }

    /** As above, the succeeded rows being {@code source}: a relation with the row's keys, {@code _id} and {@code _created}, and a filter. */
    private void settleSucceeded(Statement statement, String source) throws SQLException {
        String status = switch (records.kind()) {
            case CREATE -> "'CREATED'";
            case UPSERT -> "CASE WHEN lower(_created) = 'true' THEN 'CREATED' ELSE 'UPDATED' END";
            case UPDATE, CLEAR -> "'UPDATED'";
            case DELETE -> "'DELETED'";
        };
        String succeeded = " FROM " + source;
        table.recordFrom(statement.getConnection(), "SELECT " + keys("", table.keyCount()) + ", " + status + ", _id, NULL, NULL" + succeeded);
        Map<OutcomeStatus, Long> counts = new java.util.EnumMap<>(OutcomeStatus.class);
        try (ResultSet rs = statement.executeQuery("SELECT " + status + ", count(*)" + succeeded + " GROUP BY 1")) {
            while (rs.next()) {
                counts.put(OutcomeStatus.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        if (!counts.isEmpty()) {
            context.counted().accept(counts);
        }
    }

    private static SalesforceError notProcessed(JobInfo job) {
        return BulkErrorText.notProcessed("job " + job.id() + " ended " + job.state(), job.errorMessage());
    }

    private void nextRound(Statement statement, List<Long> rows) throws SQLException {
        statement.execute("CREATE OR REPLACE TEMP TABLE sfsync_round (_n BIGINT)");
        try (PreparedStatement insert = statement.getConnection().prepareStatement("INSERT INTO sfsync_round VALUES (?)")) {
            for (long row : rows) {
                insert.setLong(1, row);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Fails the round's rows whose part ({@code p}) meets {@code condition}. */
    private void failRows(Statement statement, String condition, RowError error, int attempt) throws SQLException {
        failRows(statement, condition, error, attempt, null);
    }

    /** As above, the rows decided by the answer of {@code call} (null: no call decided them). */
    private void failRows(Statement statement, String condition, RowError error, int attempt, Long call) throws SQLException {
        int k = table.keyCount();
        List<RowOutcome> batch = new ArrayList<>();
        try (Statement query = statement.getConnection().createStatement();
             ResultSet rs = query.executeQuery("SELECT " + keys("u", k) + " FROM sfsync_upload u JOIN sfsync_round USING (_n) LEFT JOIN sfsync_parts p"
                     + " USING (_n) WHERE " + condition)) {
            while (rs.next()) {
                RowKey key = key(rs, k);
                if (call != null) {
                    context.links().decided(key, call);
                }
                batch.add(new RowOutcome.Failed(key, error, attempt));
                if (batch.size() >= OUTCOMES_PER_SETTLE) {
                    context.settle().accept(List.copyOf(batch));
                    batch.clear();
                }
            }
        }
        context.settle().accept(List.copyOf(batch));
    }

    private static RowKey key(ResultSet rs, int keyCount) throws SQLException {
        List<String> values = new ArrayList<>(keyCount);
        for (int i = 1; i <= keyCount; i++) {
            values.add(rs.getString(i));
        }
        return new RowKey(values);
    }

    private static String keys(String alias, int keyCount) {
        return IntStream.range(0, keyCount).mapToObj(i -> (alias.isEmpty() ? "" : alias + ".") + "_sfsync_t" + i).collect(Collectors.joining(", "));
    }

    private static long count(Statement statement, String table) throws SQLException {
        return queryLong(statement, "SELECT count(*) FROM " + table);
    }

    private static long queryLong(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * The rows of a Bulk API 1.0 job Salesforce reported as written, by row number, spooled to a CSV file as its
     * results stream past, then read by DuckDB and joined to the rows' keys: a million successes cost a line each,
     * not an outcome object, a change-set row and a store row each.
     */
    private static final class SucceededRows implements AutoCloseable {
        private final Path file;
        private final java.io.Writer out;
        private long rows;

        SucceededRows(Path directory) {
            try {
                this.file = Files.createTempFile(directory, "sfsync-succeeded-", ".csv");
                this.out = Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the Bulk API 1.0 results to " + directory + " (disk full?)", e);
            }
        }

        void add(long row, String id, boolean created) throws IOException {
            out.write(Long.toString(row));
            out.write(',');
            // Record Ids are 15 or 18 letters and digits: nothing to quote.
            out.write(id == null ? "" : id);
            out.write(created ? ",true\n" : ",false\n");
            rows++;
        }

        /** The relation {@link #settleSucceeded(Statement, String)} reads (empty when no row succeeded). */
        String read() throws IOException {
            out.close();
            if (rows == 0) {
                return "(SELECT u.*, NULL::VARCHAR AS _id, NULL::VARCHAR AS _created FROM sfsync_upload u WHERE FALSE) s";
            }
            return "(SELECT u.*, r._id, r._created FROM read_csv(" + literal(file.toString()) + ", header = false, delim = ',', quote = '', escape = '',"
                    + " columns = {'_n': 'BIGINT', '_id': 'VARCHAR', '_created': 'VARCHAR'}) r JOIN sfsync_upload u USING (_n)) s";
        }

        @Override
        public void close() throws IOException {
            out.close();
            Files.deleteIfExists(file);
        }
    }
}

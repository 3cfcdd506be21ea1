package dev.sfsync.server.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.sfsync.core.RunId;
import dev.sfsync.core.SyncId;
import dev.sfsync.engine.lease.RunCancel;
import dev.sfsync.engine.run.Errors;
import dev.sfsync.server.ServerContext;
import dev.sfsync.store.LoggedCall;
import dev.sfsync.store.Run;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Run history (filterable by sync, status and error code) and a run's page: summary, outcomes by error code with the
 * catalogue's explanation and fix, the failed and rejected rows (paged, searchable, as CSV), and the live debugger
 * of its API calls, which a server-sent event stream fills in while the run goes on (htmx polling when the stream cannot).
 */
final class RunPages {
    static final int ROWS_PER_PAGE = 25;
    private static final int HISTORY = 200;

    private final ServerContext server;
    private final Templates templates;
    private final Frames frames;
    private final FailedRows failedRows;
    private final LiveCalls live;

    RunPages(ServerContext server, Templates templates, Frames frames) {
        this.server = server;
        this.templates = templates;
        this.frames = frames;
        this.failedRows = new FailedRows(server.store());
        this.live = new LiveCalls(server, templates);
    }

    void list(Context ctx, Viewer viewer) {
        String sync = blankToNull(ctx.queryParam("sync"));
        String status = blankToNull(ctx.queryParam("status"));
        String code = blankToNull(ctx.queryParam("code"));
        List<Run> recent = sync == null ? server.store().runs().recent(HISTORY) : server.store().runs().recent(SyncId.of(sync), HISTORY);
        List<Run> shown = recent.stream()
                .filter(r -> status == null || r.status().name().equalsIgnoreCase(status))
                .filter(r -> code == null || server.store().outcomes().errorCounts(r.id()).containsKey(code.trim().toUpperCase(Locale.ROOT)))
                .toList();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("frame", frames.of(viewer, "Runs", "runs", ctx.queryParam("notice")));
        params.put("runs", shown);
        params.put("syncs", List.copyOf(server.config().syncs().keySet()));
        params.put("statuses", java.util.Arrays.stream(Run.Status.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
        params.put("sync", sync == null ? "" : sync);
        params.put("status", status == null ? "" : status);
        params.put("code", code == null ? "" : code);
        templates.page(ctx, "runs.jte", params);
    }

    void one(Context ctx, Viewer viewer) {
        Run run = run(ctx);
        Map<String, Object> params = summary(run);
        params.put("frame", frames.of(viewer, "Run " + run.id().value(), "runs", ctx.queryParam("notice")));
        params.put("rows", failedRows.page(run.id(), "", 0, ROWS_PER_PAGE));
        params.put("calls", calls(run, 0));
        templates.page(ctx, "run.jte", params);
    }

    /** The summary alone, which the run page refreshes while the run goes on. */
    void status(Context ctx, Viewer viewer) {
        Run run = run(ctx);
        if ("running".equals(ctx.queryParam("was")) && run.status() != Run.Status.RUNNING) {
            // The run ended: reload the whole page once, so its failed rows and codes show.
            ctx.header("HX-Refresh", "true");
        }
        ctx.contentType("text/html; charset=utf-8").result(templates.render("runsummary.jte", summary(run)));
    }

    /** What the run's summary shows: its counts, its outcomes by code, and who asked it to stop. */
    private Map<String, Object> summary(Run run) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("run", run);
        params.put("codes", codes(run));
        params.put("cancel", server.store().cancellations().requested(run.id()).orElse(null));
        return params;
    }

    /**
     * Asks the run to stop, through the same {@link RunCancel} as the API and the CLI: wherever it runs, it stops after
     * the batch in flight; the rows it sent keep their outcomes and the rest stay pending.
     */
    void cancel(Context ctx, Viewer viewer) {
        Run run = run(ctx);
        new RunCancel(server.store(), Clock.systemUTC()).request(run.id(), viewer.user().name() + " (ui)");
        ctx.redirect("/ui/runs/" + run.id().value() + "?notice=" + ConnectionPages.encode("Cancel requested: run " + run.id().value()
                + " stops after the batch in flight."), HttpStatus.SEE_OTHER);
    }

    /** The debugger's calls after the first {@code after}, and (while the run goes on) the element that asks for the next ones. */
    void calls(Context ctx, Viewer viewer) {
        Run run = run(ctx);
        int after = number(ctx.queryParam("after"), 0);
        ctx.contentType("text/html; charset=utf-8").result(templates.render("runcalls.jte", Map.of("run", run, "calls", calls(run, after),
                "after", after)));
    }

    /** The debugger's calls after the first {@code after} as server-sent events, while the run goes on (see {@link LiveCalls}). */
    void live(Context ctx, Viewer viewer) {
        Run run = run(ctx);
        // The page's login, checked again while the stream is open: a logout, an expiry or a removed user ends it.
        String session = ctx.cookie(dev.sfsync.server.auth.Sessions.COOKIE);
        live.open(ctx, run, Math.max(0, number(ctx.queryParam("after"), 0)),
                () -> server.sessions().find(session).filter(s -> s.user().role().allows(dev.sfsync.server.auth.Role.VIEWER)).isPresent());
    }

    void rows(Context ctx, Viewer viewer) {
        Run run = run(ctx);
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        int page = Math.max(0, number(ctx.queryParam("page"), 0));
        Map<String, Object> params = Map.of("run", run, "rows", failedRows.page(run.id(), query, page * ROWS_PER_PAGE, ROWS_PER_PAGE), "q", query,
                "page", page);
        if (ctx.header("HX-Request") != null) {
            ctx.contentType("text/html; charset=utf-8").result(templates.render("runrows.jte", params));
        } else {
            Map<String, Object> full = new LinkedHashMap<>(params);
            full.put("frame", frames.of(viewer, "Failed rows of " + run.id().value(), "runs", null));
            templates.page(ctx, "runrowspage.jte", full);
        }
    }

    /** The failed and rejected rows as a CSV file, like Data Loader's error file: the row's key, then what went wrong. */
    void csv(Context ctx, Viewer viewer) throws java.io.IOException {
        Run run = run(ctx);
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + run.sync().value() + "-"
                + run.id().value() + "-errors.csv\"");
        Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord("KEY", "OUTCOME", "ERROR_CODE", "ERROR", "FIELDS", "ATTEMPT");
        failedRows.all(run.id(), row -> csv.writeRecord(row.keyText(), row.outcome(), row.code(), row.message(), String.join(";", row.fields()),
                row.attempt() == null ? "" : String.valueOf(row.attempt())));
        csv.flush();
    }

    /** A failed row with Salesforce's answer, the catalogue's explanation and fix, and the calls that wrote the run's rows. */
    void row(Context ctx, Viewer viewer) {
        Run run = run(ctx);
        FailedRow row = failedRows.at(run.id(), number(ctx.pathParam("row"), -1))
                .orElseThrow(() -> WebProblem.notFound("run " + run.id().value() + " has no failed row " + ctx.pathParam("row"),
                        "pick one in the run's failed rows"));
        List<CallRow> calls = calls(run, 0);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("frame", frames.of(viewer, "Row " + row.keyText(), "runs", null));
        params.put("run", run);
        params.put("row", row);
        params.put("explained", Errors.explain(row.code()));
        params.put("carriers", calls.stream().filter(CallRow::writes).toList());
        // The exact call, when the run recorded which one carried the row (older runs and some paths did not).
        CallRow carrier = failedRows.callOf(run.id(), row).flatMap(seq -> calls.stream().filter(c -> c.seq() == seq).findFirst()).orElse(null);
        params.put("carrier", carrier);
        params.put("bodies", carrier == null ? null : CallRow.shown(server.store().apiLog().bodies(run.id(), carrier.seq())));
        params.put("upload", carrier == null ? null : BulkUpload.of(carrier, calls, seq -> server.store().apiLog().bodies(run.id(), seq)).orElse(null));
        templates.page(ctx, "runrow.jte", params);
    }

    private List<Map.Entry<String, Long>> codes(Run run) {
        return server.store().outcomes().errorCounts(run.id()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
    }

    /**
     * One call with its request and response bodies: a fragment for the debugger's expanding row, or (without
     * JavaScript, or from a link) a page of its own.
     */
    void call(Context ctx, Viewer viewer) {
        Run run = run(ctx);
        long seq = number(ctx.pathParam("seq"), -1L);
        List<CallRow> all = calls(run, 0);
        CallRow call = all.stream().filter(c -> c.seq() == seq).findFirst()
                .orElseThrow(() -> WebProblem.notFound("run " + run.id().value() + " has no API call " + ctx.pathParam("seq"),
                        "pick one in the run's API calls"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("run", run);
        params.put("call", call);
        params.put("bodies", CallRow.shown(server.store().apiLog().bodies(run.id(), seq)));
        if (ctx.header("HX-Request") != null) {
            ctx.contentType("text/html; charset=utf-8").result(templates.render("callbodies.jte", params));
        } else {
            params.put("frame", frames.of(viewer, "Call " + (call.index() + 1) + " of run " + run.id().value(), "runs", null));
            templates.page(ctx, "call.jte", params);
        }
    }

    private List<CallRow> calls(Run run, int after) {
        List<LoggedCall> all = server.store().apiLog().entries(run.id(), 0);
        List<CallRow> rows = new ArrayList<>();
        for (int i = after; i < all.size(); i++) {
            rows.add(CallRow.of(i, all.get(i)));
        }
        return rows;
    }

    private Run run(Context ctx) {
        String id = ctx.pathParam("run");
        return server.store().runs().find(RunId.of(id))
                .orElseThrow(() -> WebProblem.notFound("there is no run '" + id + "'", "pick one on the Runs page"));
    }

    private static int number(String text, int otherwise) {
        return Math.toIntExact(number(text, (long) otherwise));
    }

    private static long number(String text, long otherwise) {
        try {
            return text == null ? otherwise : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw WebProblem.badRequest("'" + text + "' is not a number", "use the page's links");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

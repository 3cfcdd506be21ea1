package dev.sfsync.server.api;

import dev.sfsync.core.RunId;
import dev.sfsync.core.SyncId;
import dev.sfsync.core.outcome.OutcomeStatus;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.lease.RunCancel;
import dev.sfsync.engine.lease.RunNotCancellable;
import dev.sfsync.engine.lease.RunNotFound;
import dev.sfsync.engine.run.Errors;
import dev.sfsync.server.ServerContext;
import dev.sfsync.server.auth.Role;
import dev.sfsync.store.Run;
import dev.sfsync.store.RunCancellations;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Runs: history, a run's summary with its outcomes by error code, its failed rows and its API log; cancelling one. */
final class RunRoutes {
    private final ServerContext server;

    RunRoutes(ServerContext server) {
        this.server = server;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/runs", Role.VIEWER, "Runs, newest first (?sync= for one sync's)", this::list),
                ApiRoute.get("/api/v1/runs/{run}", Role.VIEWER, "A run's summary and its outcomes by error code with explanation and fix", this::one),
                ApiRoute.get("/api/v1/runs/{run}/failed-rows", Role.VIEWER, "A run's failed and rejected rows, paged", this::failedRows),
                ApiRoute.get("/api/v1/runs/{run}/api-log", Role.VIEWER, "A run's Salesforce API calls, paged (secrets redacted)", this::apiLog),
                ApiRoute.post("/api/v1/runs/{run}/cancel", Role.OPERATOR,
                        "Cancel a running run, on whichever node or process runs it; sent rows keep their outcomes, the rest stay pending", this::cancel));
    }

    private void list(Context ctx) {
        Page page = Page.of(ctx);
        String sync = ctx.queryParam("sync");
        int want = page.offset() + page.limit() + 1;
        List<Run> runs = sync == null ? server.store().runs().recent(want) : server.store().runs().recent(SyncId.of(sync), want);
        ctx.json(page.slice(runs.stream().map(Views.RunView::of).toList()));
    }

    private Run run(Context ctx) {
        String id = ctx.pathParam("run");
        return server.store().runs().find(RunId.of(id))
                .orElseThrow(() -> ApiProblem.notFound("no run '" + id + "'", "list runs with GET /api/v1/runs"));
    }

    private void one(Context ctx) {
        Run run = run(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run", Views.RunView.of(run));
        body.put("outcomes_by_code", server.store().outcomes().errorCounts(run.id()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> {
                    var explained = Errors.explain(e.getKey());
                    return new Views.CodeView(e.getKey(), e.getValue(), explained.explanation(), explained.fix());
                }).toList());
        body.put("api_calls", server.store().apiLog().count(run.id()));
        body.put("details_pruned_at", run.detailsPrunedAt());
        ctx.json(body);
    }

    private void failedRows(Context ctx) {
        Run run = run(ctx);
        Page page = Page.of(ctx);
        List<RowOutcome> rows = server.store().outcomes().list(run.id(), Set.of(OutcomeStatus.FAILED, OutcomeStatus.REJECTED), page.limit() + 1,
                page.offset());
        ctx.json(page.body(rows.stream().map(RunRoutes::row).toList()));
    }

    private static Views.RowView row(RowOutcome outcome) {
        return switch (outcome) {
            case RowOutcome.Failed f -> new Views.RowView(f.key().values(), "failed", null, f.error().code(), f.error().message(), f.error().fields(),
                    f.attempt());
            case RowOutcome.RejectedLocally r -> new Views.RowView(r.key().values(), "rejected", null, r.error().code(), r.error().message(),
                    r.error().fields(), null);
            default -> new Views.RowView(outcome.key().values(), outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT), outcome.recordId(),
                    null, null, List.of(), null);
        };
    }

    private void cancel(Context ctx) {
        RunId id = RunId.of(ctx.pathParam("run"));
        RunCancellations.Request request;
        try {
            request = new RunCancel(server.store(), Clock.systemUTC()).request(id, Access.user(ctx).name() + " (api)");
        } catch (RunNotFound e) {
            throw ApiProblem.notFound(e.problem(), e.fix());
        } catch (RunNotCancellable e) {
            throw new ApiProblem(409, "Run not cancellable", e.problem(), e.fix());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", id.value());
        body.put("cancel_requested_at", request.requestedAt());
        body.put("cancel_requested_by", request.requestedBy());
        body.put("run", "/api/v1/runs/" + id.value());
        ctx.status(202).json(body);
    }

    private void apiLog(Context ctx) {
        Run run = run(ctx);
        Page page = Page.of(ctx);
        ctx.json(page.slice(server.store().apiLog().list(run.id()).stream().map(c -> new Views.CallView(c.at(), c.method(), c.url(), c.status(),
                c.duration().toMillis(), c.requestBytes(), c.responseBytes(), c.error())).toList()));
    }
}

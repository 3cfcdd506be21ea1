package dev.sfsync.server.api;

import dev.sfsync.core.RunId;
import dev.sfsync.core.SyncId;
import dev.sfsync.engine.config.SequenceConfig;
import dev.sfsync.engine.plan.Plan;
import dev.sfsync.engine.sync.SyncDefinition;
import dev.sfsync.server.ServerContext;
import dev.sfsync.server.auth.Role;
import dev.sfsync.server.run.SyncAlreadyRunning;
import dev.sfsync.server.schedule.QuotaBackoff;
import dev.sfsync.server.schedule.SchedulePauses;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Syncs and sequences: list them with their last and next run, run one now, plan one. */
final class SyncRoutes {
    private final ServerContext server;

    SyncRoutes(ServerContext server) {
        this.server = server;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/syncs", Role.VIEWER, "List syncs with their schedule, last run and next run", this::list),
                ApiRoute.get("/api/v1/syncs/{sync}", Role.VIEWER, "One sync with its schedule, last run and next run", this::one),
                ApiRoute.post("/api/v1/syncs/{sync}/runs", Role.OPERATOR, "Start a run of the sync now; 409 when it is running", this::trigger),
                ApiRoute.post("/api/v1/syncs/{sync}/plan", Role.OPERATOR, "What a run would do now (counts, sample rejects, API calls)", this::plan),
                ApiRoute.post("/api/v1/syncs/{sync}/pause", Role.OPERATOR, "Pause the sync's schedule: due slots are skipped until resumed",
                        ctx -> pause(ctx, SchedulePauses.Kind.SYNC, sync(ctx.pathParam("sync")).name())),
                ApiRoute.post("/api/v1/syncs/{sync}/resume", Role.OPERATOR, "Resume the sync's schedule: its next slot runs, skipped ones do not",
                        ctx -> resume(ctx, SchedulePauses.Kind.SYNC, sync(ctx.pathParam("sync")).name())),
                ApiRoute.get("/api/v1/sequences", Role.VIEWER, "List sequences with their syncs and next run", this::sequences),
                ApiRoute.post("/api/v1/sequences/{sequence}/runs", Role.OPERATOR, "Start a run of the sequence now; 409 when one of its syncs is running",
                        this::triggerSequence),
                ApiRoute.post("/api/v1/sequences/{sequence}/pause", Role.OPERATOR, "Pause the sequence's schedule: due slots are skipped until resumed",
                        ctx -> pause(ctx, SchedulePauses.Kind.SEQUENCE, sequence(ctx.pathParam("sequence")).name())),
                ApiRoute.post("/api/v1/sequences/{sequence}/resume", Role.OPERATOR, "Resume the sequence's schedule: its next slot runs, skipped ones do not",
                        ctx -> resume(ctx, SchedulePauses.Kind.SEQUENCE, sequence(ctx.pathParam("sequence")).name())),
                ApiRoute.get("/api/v1/sequence-runs", Role.VIEWER, "Runs of sequences, newest first (?sequence= for one's), with the run each step started",
                        this::sequenceRuns),
                ApiRoute.get("/api/v1/sequence-runs/{id}", Role.VIEWER, "One run of a sequence: its status and each step's sync, run id and status",
                        this::sequenceRun));
    }

    private void list(Context ctx) {
        Page page = Page.of(ctx);
        List<Views.SyncView> all = new ArrayList<>();
        for (SyncDefinition sync : server.config().syncs().values()) {
            all.add(view(sync));
        }
        ctx.json(page.slice(all));
    }

    private void one(Context ctx) {
        ctx.json(view(sync(ctx.pathParam("sync"))));
    }

    private Views.SyncView view(SyncDefinition sync) {
        var last = server.store().runs().recent(SyncId.of(sync.name()), 1).stream().findFirst().map(Views.RunView::of).orElse(null);
        return new Views.SyncView(sync.name(), sync.model(), sync.connection(), sync.object(), sync.mode().name().toLowerCase(Locale.ROOT),
                sync.api().name().toLowerCase(Locale.ROOT), server.config().service().schedule(sync.name()).describe(),
                server.scheduler().next(sync.name()).orElse(null), server.launcher().isRunning(sync.name())
                        || server.store().runLeases().current(SyncId.of(sync.name())).isPresent(),
                server.backoff().current(sync.name()).map(QuotaBackoff.Hold::reason).orElse(null), last,
                Views.PauseView.of(server.scheduler().paused(SchedulePauses.Kind.SYNC, sync.name())));
    }

    private SyncDefinition sync(String name) {
        SyncDefinition sync = server.config().syncs().get(name);
        if (sync == null) {
            throw ApiProblem.notFound("no sync named '" + name + "'", "list the syncs with GET /api/v1/syncs");
        }
        return sync;
    }

    private void trigger(Context ctx) {
        String name = sync(ctx.pathParam("sync")).name();
        RunId run = server.launcher().start(name, "api " + Access.user(ctx).name());
        ctx.status(202).json(Map.of("run_id", run.value(), "sync", name, "run", "/api/v1/runs/" + run.value()));
    }

    private void plan(Context ctx) {
        String name = sync(ctx.pathParam("sync")).name();
        Plan plan = server.project().use(p -> p.plan(name));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sync", plan.sync());
        body.put("model_rows", plan.changes().modelRows());
        body.put("added", plan.changes().added());
        body.put("changed", plan.changes().changed());
        body.put("removed", plan.changes().removed());
        Map<String, Long> writes = new LinkedHashMap<>();
        plan.writes().forEach((kind, count) -> writes.put(kind.name().toLowerCase(Locale.ROOT), count));
        body.put("writes", writes);
        body.put("unchanged", plan.unchanged());
        body.put("rejected", plan.rejected());
        body.put("rejected_by_code", plan.rejectedByCode());
        body.put("sample_rejects", plan.sampleRejects().stream().map(r -> Map.of("key", r.key().values(), "code", r.error().code(),
                "message", r.error().message())).toList());
        body.put("estimated_api_calls", plan.estimatedApiCalls());
        body.put("notices", plan.notices());
        ctx.json(body);
    }

    private void sequences(Context ctx) {
        Page page = Page.of(ctx);
        ctx.json(page.slice(server.config().service().sequences().values().stream().map(s -> new Views.SequenceView(s.name(), s.syncs(),
                s.onFailure().name().toLowerCase(Locale.ROOT), s.schedule().describe(), server.scheduler().next(s.name()).orElse(null),
                Views.PauseView.of(server.scheduler().paused(SchedulePauses.Kind.SEQUENCE, s.name())))).toList()));
    }

    private dev.sfsync.server.run.SequenceRuns sequenceRecords() {
        return server.sequences().records().orElseThrow(() -> ApiProblem.notFound("this server keeps no sequence runs", "run it with sfsync serve"));
    }

    private void sequenceRuns(Context ctx) {
        Page page = Page.of(ctx);
        ctx.json(page.slice(sequenceRecords().recent(ctx.queryParam("sequence"), page.offset() + page.limit() + 1)));
    }

    private void sequenceRun(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(sequenceRecords().find(id).orElseThrow(() -> ApiProblem.notFound("no sequence run '" + id + "'",
                "list them with GET /api/v1/sequence-runs")));
    }

    private SequenceConfig sequence(String name) {
        SequenceConfig sequence = server.config().service().sequences().get(name);
        if (sequence == null) {
            throw ApiProblem.notFound("no sequence named '" + name + "'", "list the sequences with GET /api/v1/sequences");
        }
        return sequence;
    }

    private void pause(Context ctx, SchedulePauses.Kind kind, String name) {
        SchedulePauses.Pause pause = server.scheduler().pause(kind, name, Access.user(ctx).name());
        ctx.json(pauseBody(kind, name, Views.PauseView.of(java.util.Optional.of(pause))));
    }

    private void resume(Context ctx, SchedulePauses.Kind kind, String name) {
        server.scheduler().resume(kind, name, Access.user(ctx).name());
        ctx.json(pauseBody(kind, name, null));
    }

    private Map<String, Object> pauseBody(SchedulePauses.Kind kind, String name, Views.PauseView pause) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(kind == SchedulePauses.Kind.SYNC ? "sync" : "sequence", name);
        body.put("paused", pause);
        body.put("next_run", server.scheduler().next(name).orElse(null));
        return body;
    }

    private void triggerSequence(Context ctx) {
        SequenceConfig sequence = sequence(ctx.pathParam("sequence"));
        String name = sequence.name();
        for (String sync : sequence.syncs()) {
            if (server.launcher().isRunning(sync) || server.store().runLeases().current(SyncId.of(sync)).isPresent()) {
                throw new SyncAlreadyRunning(sync);
            }
        }
        String id = server.sequences().records().map(r -> r.start(name, sequence.syncs(), "api " + Access.user(ctx).name())).orElse(null);
        server.background().execute(() -> server.sequences().run(sequence, id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sequence_run_id", id);
        body.put("sequence", name);
        body.put("syncs", sequence.syncs());
        body.put("sequence_run", "/api/v1/sequence-runs/" + id);
        ctx.status(202).json(body);
    }
}

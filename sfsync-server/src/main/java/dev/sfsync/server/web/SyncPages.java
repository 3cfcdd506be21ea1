package dev.sfsync.server.web;

import dev.sfsync.core.RunId;
import dev.sfsync.core.SyncId;
import dev.sfsync.engine.config.RunSchedule;
import dev.sfsync.engine.config.SequenceConfig;
import dev.sfsync.engine.plan.Plan;
import dev.sfsync.engine.sync.SyncDefinition;
import dev.sfsync.server.ServerContext;
import dev.sfsync.server.run.SyncAlreadyRunning;
import dev.sfsync.server.schedule.QuotaBackoff;
import dev.sfsync.server.schedule.SchedulePauses;
import dev.sfsync.store.Run;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Syncs table (with sequences), a sync's page (mapping, lookups, delete behaviour, its runs), Run now and Plan. */
final class SyncPages {
    static final int SPARKLINE_RUNS = 30;

    private final ServerContext server;
    private final dev.sfsync.engine.connection.Logins logins;
    private final Templates templates;
    private final Frames frames;

    SyncPages(ServerContext server, dev.sfsync.engine.connection.Logins logins, Templates templates, Frames frames) {
        this.server = server;
        this.logins = logins;
        this.templates = templates;
        this.frames = frames;
    }

    void list(Context ctx, Viewer viewer) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("frame", frames.of(viewer, "Syncs", "syncs", ctx.queryParam("notice")));
        params.put("syncs", server.config().syncs().values().stream().map(this::row).toList());
        params.put("sequences", server.config().service().sequences().values().stream().toList());
        params.put("next", (java.util.function.Function<String, String>) name -> Show.time(server.scheduler().next(name).orElse(null)));
        params.put("paused", (java.util.function.Function<String, SchedulePauses.Pause>) name -> server.scheduler()
                .paused(SchedulePauses.Kind.SEQUENCE, name).orElse(null));
        templates.page(ctx, "syncs.jte", params);
    }

    private SyncRow row(SyncDefinition sync) {
        List<Run> recent = server.store().runs().recent(SyncId.of(sync.name()), SPARKLINE_RUNS);
        List<Long> failed = new ArrayList<>();
        for (int i = recent.size() - 1; i >= 0; i--) {
            failed.add(recent.get(i).summary().failed() + recent.get(i).summary().rejected());
        }
        RunSchedule schedule = server.config().service().schedule(sync.name());
        return new SyncRow(sync.name(), sync.model(), sync.connection(), sync.object(), sync.mode().name().toLowerCase(Locale.ROOT),
                sync.api().name().toLowerCase(Locale.ROOT), schedule.describe(),
                server.scheduler().next(sync.name()).orElse(null),
                server.launcher().isRunning(sync.name()) || server.store().runLeases().current(SyncId.of(sync.name())).isPresent(),
                server.backoff().current(sync.name()).map(QuotaBackoff.Hold::reason).orElse(null), recent.isEmpty() ? null : recent.getFirst(), failed,
                !(schedule instanceof RunSchedule.Manual), server.scheduler().paused(SchedulePauses.Kind.SYNC, sync.name()).orElse(null));
    }

    void one(Context ctx, Viewer viewer) {
        SyncDefinition sync = sync(ctx.pathParam("sync"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("frame", frames.of(viewer, sync.name(), "syncs", ctx.queryParam("notice")));
        params.put("sync", sync);
        params.put("row", row(sync));
        params.put("runs", server.store().runs().recent(SyncId.of(sync.name()), 20));
        params.put("fields", "1".equals(ctx.queryParam("describe")) ? describe(sync) : Map.of());
        templates.page(ctx, "sync.jte", params);
    }

    /** The mapped fields as the connection's user sees them in the object's describe (one API call, asked for on the page). */
    private Map<String, FieldAccess> describe(SyncDefinition sync) {
        var connection = server.config().connections().get(sync.connection());
        try (var client = logins.client(connection, dev.sfsync.salesforce.observe.ExchangeListener.NONE)) {
            var object = client.rest().describe(sync.object());
            Map<String, FieldAccess> fields = new LinkedHashMap<>();
            sync.match().ifPresent(m -> fields.put(m.field(), FieldAccess.of(m.field(), object.field(m.field()).orElse(null))));
            sync.mappings().forEach(m -> fields.put(m.field(), FieldAccess.of(m.field(), object.field(m.field()).orElse(null))));
            sync.lookups().forEach(l -> fields.put(l.field(), FieldAccess.of(l.field(), object.field(l.field()).orElse(null))));
            return fields;
        }
    }

    void runNow(Context ctx, Viewer viewer) {
        String name = sync(ctx.pathParam("sync")).name();
        RunId run = server.launcher().start(name, "ui " + viewer.user().name());
        ctx.redirect("/ui/runs/" + run.value(), HttpStatus.SEE_OTHER);
    }

    void plan(Context ctx, Viewer viewer) {
        String name = sync(ctx.pathParam("sync")).name();
        Plan plan = server.project().use(p -> p.plan(name));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("frame", frames.of(viewer, "Plan of " + name, "syncs", null));
        params.put("plan", plan);
        params.put("explain", (java.util.function.Function<String, dev.sfsync.salesforce.error.ErrorExplanation>) dev.sfsync.engine.run.Errors::explain);
        templates.page(ctx, "plan.jte", params);
    }

    /** Pause or Resume schedule of a sync ({@code resume} false: pause), then back to the page the button was on. */
    void pauseSync(Context ctx, Viewer viewer, boolean resume) {
        pauseOrResume(ctx, viewer, SchedulePauses.Kind.SYNC, sync(ctx.pathParam("sync")).name(), resume);
    }

    void pauseSequence(Context ctx, Viewer viewer, boolean resume) {
        pauseOrResume(ctx, viewer, SchedulePauses.Kind.SEQUENCE, sequence(ctx.pathParam("sequence")).name(), resume);
    }

    private void pauseOrResume(Context ctx, Viewer viewer, SchedulePauses.Kind kind, String name, boolean resume) {
        String what = (kind == SchedulePauses.Kind.SYNC ? "Sync" : "Sequence") + " '" + name + "'";
        String notice;
        if (resume) {
            server.scheduler().resume(kind, name, viewer.user().name());
            notice = what + ": schedule resumed; next run " + Show.time(server.scheduler().next(name).orElse(null)) + ".";
        } else {
            server.scheduler().pause(kind, name, viewer.user().name());
            notice = what + ": schedule paused; its scheduled runs are skipped until resumed (Run now still works).";
        }
        String back = ctx.formParam("back");
        String to = back != null && back.startsWith("/ui/") && !back.contains("?") && !back.contains("\\") ? back : "/ui/syncs";
        ctx.redirect(to + "?notice=" + ConnectionPages.encode(notice), HttpStatus.SEE_OTHER);
    }

    private SequenceConfig sequence(String name) {
        SequenceConfig sequence = server.config().service().sequences().get(name);
        if (sequence == null) {
            throw WebProblem.notFound("sfsync.yaml has no sequence '" + name + "'", "pick one on the Syncs page");
        }
        return sequence;
    }

    void runSequence(Context ctx, Viewer viewer) {
        SequenceConfig sequence = sequence(ctx.pathParam("sequence"));
        String name = sequence.name();
        for (String sync : sequence.syncs()) {
            if (server.launcher().isRunning(sync) || server.store().runLeases().current(SyncId.of(sync)).isPresent()) {
                throw new SyncAlreadyRunning(sync);
            }
        }
        server.background().execute(() -> server.sequences().run(sequence));
        ctx.redirect("/ui/runs?notice=" + ConnectionPages.encode("Sequence '" + name + "' started: " + String.join(" → ", sequence.syncs()) + "."),
                HttpStatus.SEE_OTHER);
    }

    private SyncDefinition sync(String name) {
        SyncDefinition sync = server.config().syncs().get(name);
        if (sync == null) {
            throw WebProblem.notFound("sfsync.yaml has no sync '" + name + "'", "pick one on the Syncs page");
        }
        return sync;
    }
}

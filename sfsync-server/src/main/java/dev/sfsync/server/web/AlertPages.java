package dev.sfsync.server.web;

import dev.sfsync.server.ServerContext;
import dev.sfsync.server.alert.Alerts;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Alerts as sfsync.yaml sets them (destinations without their secrets, rules), recent incidents, and a test message. */
final class AlertPages {
    private final ServerContext server;
    private final Templates templates;
    private final Frames frames;

    AlertPages(ServerContext server, Templates templates, Frames frames) {
        this.server = server;
        this.templates = templates;
        this.frames = frames;
    }

    void page(Context ctx, Viewer viewer) {
        var service = server.config().service();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("frame", frames.of(viewer, "Alerts", "alerts", ctx.queryParam("notice")));
        params.put("destinations", service.destinations().values().stream()
                .map(d -> new String[] {d.name(), d.getClass().getSimpleName().toLowerCase(Locale.ROOT)}).toList());
        params.put("rules", service.rules().stream().map(r -> new String[] {r.id(), r.when().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                r.threshold() == 0 ? "" : String.valueOf(r.threshold()), r.on().isEmpty() ? "every sync" : String.join(", ", r.on()), String.join(", ", r.destinations())}).toList());
        params.put("incidents", server.alerts().recent(50));
        templates.page(ctx, "alerts.jte", params);
    }

    void test(Context ctx, Viewer viewer) {
        String destination = ctx.pathParam("destination");
        String notice;
        try {
            var outcome = server.alerts().test(destination);
            notice = outcome.sent() ? "Test message sent to '" + destination + "'" + (outcome.attempts() > 1 ? " after " + outcome.attempts() + " tries" : "") + "."
                    : "The test message to '" + destination + "' failed after " + outcome.attempts() + " tries: " + outcome.error()
                    + ". Fix: check the destination's URL or address and its secret in sfsync.yaml.";
        } catch (Alerts.UnknownDestination e) {
            throw WebProblem.notFound(e.problem(), e.fix());
        }
        ctx.redirect("/ui/alerts?notice=" + ConnectionPages.encode(notice), HttpStatus.SEE_OTHER);
    }
}

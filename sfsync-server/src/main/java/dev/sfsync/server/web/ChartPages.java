package dev.sfsync.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsync.core.SyncId;
import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.server.ServerContext;
import dev.sfsync.store.Run;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Charts (uPlot, served from the jar): rows by outcome per run, run durations, and API calls per day against the
 * org's daily limit. Each chart's numbers are also in a table, for screen readers and for pages without JavaScript.
 */
public final class ChartPages {
    static final int RUNS = 50;
    static final int DAYS = 14;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One run's point: when it started (epoch seconds), its outcome counts and duration. */
    public record RunPoint(long at, String id, String sync, long created, long updated, long deleted, long unchanged, long rejected, long failed,
                           double seconds) {
    }

    /** One day's API calls by this project, and the org's daily limit (0 when unknown). */
    public record DayPoint(String day, long at, long calls, long limit) {
    }

    private final ServerContext server;
    private final Templates templates;
    private final Frames frames;
    private final Clock clock;

    ChartPages(ServerContext server, Templates templates, Frames frames, Clock clock) {
        this.server = server;
        this.templates = templates;
        this.frames = frames;
        this.clock = clock;
    }

    void page(Context ctx, Viewer viewer) throws JsonProcessingException {
        String sync = ctx.queryParam("sync");
        boolean one = sync != null && !sync.isBlank();
        List<Run> recent = one ? server.store().runs().recent(SyncId.of(sync), RUNS) : server.store().runs().recent(RUNS);
        List<RunPoint> runs = new ArrayList<>();
        for (int i = recent.size() - 1; i >= 0; i--) {
            Run run = recent.get(i);
            if (run.finishedAt() == null) {
                continue;
            }
            var s = run.summary();
            runs.add(new RunPoint(run.startedAt().getEpochSecond(), run.id().value(), run.sync().value(), s.created(), s.updated(), s.deleted(),
                    s.unchanged(), s.rejected(), s.failed(), Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0));
        }
        List<DayPoint> days = days(one ? List.of(sync) : List.copyOf(server.config().syncs().keySet()));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("frame", frames.of(viewer, "Charts", "charts", null));
        params.put("runs", runs);
        params.put("days", days);
        params.put("runsJson", JSON.writeValueAsString(runs));
        params.put("daysJson", JSON.writeValueAsString(days));
        params.put("syncs", List.copyOf(server.config().syncs().keySet()));
        params.put("sync", one ? sync : "");
        templates.page(ctx, "charts.jte", params);
    }

    private List<DayPoint> days(List<String> syncs) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant since = today.minusDays(DAYS - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        TreeMap<LocalDate, Long> counts = new TreeMap<>();
        for (int d = DAYS - 1; d >= 0; d--) {
            counts.put(today.minusDays(d), 0L);
        }
        for (Instant at : server.store().apiLog().callTimes(syncs, since)) {
            counts.merge(LocalDate.ofInstant(at, ZoneOffset.UTC), 1L, Long::sum);
        }
        long limit = dailyLimit();
        List<DayPoint> days = new ArrayList<>();
        counts.forEach((day, calls) -> days.add(new DayPoint(day.toString(), day.atStartOfDay(ZoneOffset.UTC).toEpochSecond(), calls, limit)));
        return days;
    }

    /** The smallest daily limit of the connections that answer (the one a project runs into first); 0 when none does. */
    private long dailyLimit() {
        long limit = 0;
        for (ConnectionConfig connection : server.config().connections().values()) {
            try {
                var read = server.limits().of(connection.name());
                if (read.isPresent() && (limit == 0 || read.get().max() < limit)) {
                    limit = read.get().max();
                }
            } catch (RuntimeException e) {
                // not connected or unreachable: the chart goes without that limit line
            }
        }
        return limit;
    }
}

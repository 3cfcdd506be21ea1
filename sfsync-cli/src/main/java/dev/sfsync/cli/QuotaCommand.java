package dev.sfsync.cli;

import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.engine.quota.QuotaReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Each connection's daily API quota and who spent it. */
@Command(name = "quota", mixinStandardHelpOptions = true,
        description = {"Show each connection's daily API requests: used and limit (asked live from the org: GET /limits), the reserve sfsync "
                + "keeps for other integrations (quota.reserve, default 10 %%), what runs may still spend, and which syncs spent what in the "
                + "last 24 hours (from the API log). Salesforce counts over a rolling 24-hour window, so a call frees up a day after it was made."},
        footer = {"", "Examples:", "  sfsync quota", "  sfsync quota --json"})
final class QuotaCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Mixin
    StateOption state;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        return ProjectSession.use(project, spec.commandLine().getErr(), session -> {
            List<QuotaReport> reports = new ArrayList<>();
            for (ConnectionConfig connection : session.config.connections().values()) {
                reports.add(QuotaReport.of(connection, session.syncsOf(connection.name()), session.store, session.logins::client, Clock.systemUTC()));
            }
            if (json) {
                out.println(JsonOutput.MAPPER.writeValueAsString(reports.stream().map(QuotaCommand::view).toList()));
            } else {
                print(reports, out);
            }
            out.flush();
            return reports.stream().allMatch(r -> r.usage() != null) ? ExitCodes.OK : ExitCodes.SALESFORCE_UNAVAILABLE;
        });
    }

    private static java.util.Map<String, Object> view(QuotaReport r) {
        java.util.Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("connection", r.connection());
        view.put("used", r.usage() == null ? null : r.usage().used());
        view.put("limit", r.usage() == null ? null : r.usage().max());
        view.put("reserve", r.reserve());
        view.put("reserved", r.reserved());
        view.put("available", r.available());
        view.put("callsLast24hBySync", r.bySync());
        view.put("problem", r.problem());
        return view;
    }

    private static void print(List<QuotaReport> reports, PrintWriter out) {
        out.printf("%-16s %10s %10s %-14s %10s%n", "CONNECTION", "USED", "LIMIT", "RESERVE", "AVAILABLE");
        for (QuotaReport r : reports) {
            if (r.usage() == null) {
                out.printf("%-16s %10s %10s %-14s %10s%n    cannot ask the org: %s%n", r.connection(), "?", "?", r.reserve(), "?", r.problem());
            } else {
                out.printf("%-16s %10d %10d %-14s %10d%n", r.connection(), r.usage().used(), r.usage().max(),
                        r.reserve() + " (" + r.reserved() + ")", r.available());
            }
            r.bySync().forEach((sync, calls) -> out.printf("    %-24s %d call(s) in the last 24 h%n", sync, calls));
            if (r.bySync().isEmpty()) {
                out.println("    no sync of this project called through it in the last 24 h");
            }
        }
    }
}

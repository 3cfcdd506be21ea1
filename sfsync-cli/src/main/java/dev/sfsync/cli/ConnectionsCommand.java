package dev.sfsync.cli;

import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.engine.connection.ConnectionCheck;
import dev.sfsync.engine.connection.ConnectionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/** The project's connections, checked live: state, why, since when, who and where, and the one command that fixes it. */
@Command(name = "connections", mixinStandardHelpOptions = true,
        description = {"Check every connection live (one API request each, renewing tokens as a run would) and show its state: Connected, "
                + "Stale (no sync succeeded for stale_after), Token expired (the token and its renewal were refused), Disconnected (by you, "
                + "or revoked at Salesforce), No API access, Unreachable or Never connected; why, since when, the user, org and instance, "
                + "and the command that fixes it. Production and sandbox connections are listed side by side; two connections to the same "
                + "org are warned about. Exits 0 when every connection is usable, 4 otherwise."},
        footer = {"", "Examples:", "  sfsync connections", "  sfsync connections --no-check     the stored view, no call to Salesforce",
                "  sfsync connections --json"})
final class ConnectionsCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Mixin
    ProjectOption project;

    @Mixin
    StateOption state;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Option(names = "--no-check", description = "Show what the store knows, without calling Salesforce.")
    boolean noCheck;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        return ProjectSession.use(project, spec.commandLine().getErr(), session -> {
            List<ConnectionReport> reports = reports(session, !noCheck);
            List<String> warnings = sameOrgWarnings(reports);
            if (json) {
                out.println(JsonOutput.MAPPER.writeValueAsString(Map.of("connections", reports.stream().map(Row::of).toList(), "warnings", warnings)));
            } else if (reports.isEmpty()) {
                out.println("sfsync.yaml has no connections yet: add one under 'connections:', then run 'sfsync connect NAME'.");
            } else {
                print(reports, warnings, out);
            }
            out.flush();
            return reports.stream().allMatch(r -> r.state().usable()) ? ExitCodes.OK : ExitCodes.SALESFORCE_UNAVAILABLE;
        });
    }

    /** What --json prints for a connection (never its secrets); times in ISO-8601. */
    record Row(String name, String environment, String state, String stateLabel, String why, String since, String username, String orgId,
               String instanceUrl, String login, String fix, boolean checked) {
        static Row of(ConnectionReport r) {
            return new Row(r.name(), r.environment(), r.state().name(), r.state().label(), r.why(), r.since() == null ? null : r.since().toString(),
                    r.username(), r.orgId(), r.instanceUrl(), r.loginFlow(), r.fix(), r.checked());
        }
    }

    /** Production first, then sandboxes, then the rest, so the two of one org sit side by side. */
    static List<ConnectionReport> reports(ProjectSession session, boolean live) {
        ConnectionCheck check = new ConnectionCheck(session.store, session.logins, Clock.systemUTC());
        List<ConnectionReport> reports = new ArrayList<>();
        for (ConnectionConfig connection : session.config.connections().values()) {
            reports.add(check.check(connection, session.syncsOf(connection.name()), live));
        }
        reports.sort((a, b) -> Integer.compare(rank(a.environment()), rank(b.environment())));
        return reports;
    }

    private static int rank(String environment) {
        return switch (environment) {
            case "production" -> 0;
            case "sandbox" -> 1;
            default -> 2;
        };
    }

    static List<String> sameOrgWarnings(List<ConnectionReport> reports) {
        Map<String, List<String>> byOrg = new LinkedHashMap<>();
        reports.stream().filter(r -> r.orgId() != null).forEach(r -> byOrg.computeIfAbsent(r.orgId(), k -> new ArrayList<>()).add(r.name()));
        List<String> warnings = new ArrayList<>();
        byOrg.forEach((org, names) -> {
            if (names.size() > 1) {
                warnings.add("connections " + String.join(" and ", names) + " point at the same org (" + org + "): a sync through either writes"
                        + " the same records; if one was meant to be the sandbox, 'sfsync disconnect' it and connect it to the sandbox");
            }
        });
        return warnings;
    }

    private static void print(List<ConnectionReport> reports, List<String> warnings, PrintWriter out) {
        out.printf("%-16s %-11s %-16s %-17s %-28s %s%n", "NAME", "ENVIRONMENT", "STATE", "SINCE", "USER", "ORG / INSTANCE");
        for (ConnectionReport r : reports) {
            out.printf("%-16s %-11s %-16s %-17s %-28s %s%n", r.name(), r.environment(), r.state().label(),
                    r.since() == null ? "" : WHEN.format(r.since()), Objects.requireNonNullElse(r.username(), ""),
                    r.orgId() == null ? "" : r.orgId() + " " + Objects.requireNonNullElse(r.instanceUrl(), ""));
            if (r.why() != null && !r.why().isBlank()) {
                out.println("    why: " + r.why());
            }
            if (r.fix() != null) {
                out.println("    fix: " + r.fix());
            }
        }
        warnings.forEach(w -> out.println("warning: " + w));
    }
}

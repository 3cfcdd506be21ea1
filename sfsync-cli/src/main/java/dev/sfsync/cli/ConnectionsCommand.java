package dev.sfsync.cli;

import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.store.SalesforceConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The project's connections and their logins, never their secrets. */
@Command(name = "connections", mixinStandardHelpOptions = true,
        description = "List the connections and their status: CONNECTED (the login 'sfsync connect' stored), NOT_CONNECTED "
                + "(never logged in), or REVOKED (Salesforce refused the stored login: connect again).",
        footer = {"", "Examples:", "  sfsync connections", "  sfsync connections --json"})
final class ConnectionsCommand implements Callable<Integer> {
    static final String NOT_CONNECTED = "NOT_CONNECTED";

    @Mixin
    ProjectOption project;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        return ProjectSession.use(project, spec.commandLine().getErr(), session -> {
            List<Row> rows = rows(session);
            if (json) {
                out.println(JsonOutput.MAPPER.writeValueAsString(rows));
            } else if (rows.isEmpty()) {
                out.println("sfsync.yaml has no connections yet: add one under 'connections:', then run 'sfsync connect NAME'.");
            } else {
                out.printf("%-16s %-11s %-14s %-32s %s%n", "NAME", "ENVIRONMENT", "STATUS", "INSTANCE", "USER / NEXT STEP");
                rows.forEach(r -> out.printf("%-16s %-11s %-14s %-32s %s%n", r.name(), r.environment(), r.status(),
                        r.instanceUrl() == null ? "" : r.instanceUrl(), r.statusMessage() != null ? r.statusMessage()
                                : r.username() == null ? "" : r.username()));
            }
            out.flush();
            return ExitCodes.OK;
        });
    }

    /** What --json prints for a connection: never its secrets. */
    record Row(String name, String environment, String loginUrl, String instanceUrl, String username, String status, String statusMessage) {
    }

    /** The stored logins, then the project's connections that were never connected. */
    private static List<Row> rows(ProjectSession session) {
        List<Row> rows = new ArrayList<>();
        for (SalesforceConnection c : session.store.connections().list()) {
            // The store knows production and sandbox only; the project file also says when it is a custom login URL.
            ConnectionConfig config = session.config.connections().get(c.name());
            String environment = config == null ? c.environment().name() : config.environment().name();
            rows.add(new Row(c.name(), environment, c.loginUrl(), c.instanceUrl(), c.username(), c.status().name(), c.statusMessage()));
        }
        session.config.connections().values().stream()
                .filter(c -> rows.stream().noneMatch(r -> r.name().equals(c.name())))
                .forEach(c -> rows.add(new Row(c.name(), c.environment().name(), c.loginUrl(), null, null, NOT_CONNECTED,
                        "run 'sfsync connect " + c.name() + "'")));
        return rows;
    }
}

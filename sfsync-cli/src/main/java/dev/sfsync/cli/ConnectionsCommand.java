package dev.sfsync.cli;

import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.store.SalesforceConnection;
import dev.sfsync.store.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The stored logins, never their secrets. */
@Command(name = "connections", mixinStandardHelpOptions = true, description = "List the connections 'sfsync connect' stored, and their status.",
        footer = {"", "Examples:", "  sfsync connections", "  sfsync connections --json"})
final class ConnectionsCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (StateStore store = StateStore.embedded(project.directory.resolve(SyncProject.STATE_DIRECTORY)).open()) {
            List<SalesforceConnection> connections = store.connections().list();
            if (json) {
                out.println(JsonOutput.MAPPER.writeValueAsString(connections.stream().map(c -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("name", c.name());
                    map.put("environment", c.environment().name());
                    map.put("loginUrl", c.loginUrl());
                    map.put("instanceUrl", c.instanceUrl());
                    map.put("username", c.username());
                    map.put("status", c.status().name());
                    map.put("statusMessage", c.statusMessage());
                    return map;
                }).toList()));
            } else if (connections.isEmpty()) {
                out.println("No connections yet: run 'sfsync connect NAME' for a connection of sfsync.yaml.");
            } else {
                out.printf("%-16s %-11s %-10s %-32s %s%n", "NAME", "ENVIRONMENT", "STATUS", "INSTANCE", "USER");
                connections.forEach(c -> out.printf("%-16s %-11s %-10s %-32s %s%n", c.name(), c.environment(), c.status(), c.instanceUrl(),
                        c.username() == null ? "" : c.username()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}

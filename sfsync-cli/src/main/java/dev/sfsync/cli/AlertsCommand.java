package dev.sfsync.cli;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.server.alert.Alerts;
import dev.sfsync.server.alert.Deliveries;
import dev.sfsync.server.metrics.ServerMetrics;
import dev.sfsync.store.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The alerts of sfsync.yaml. */
@Command(name = "alerts", mixinStandardHelpOptions = true, description = "Check the alert destinations of sfsync.yaml.",
        footer = {"", "Examples:", "  sfsync alerts test ops-slack"},
        subcommands = {AlertsCommand.Test.class})
final class AlertsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = "Send a test message to a destination now (retried as real alerts are).",
            footer = {"", "Examples:", "  sfsync alerts test ops-slack", "", "Exit codes: 0 delivered, 3 project file problems, 4 the destination did not take it"})
    static final class Test implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Mixin
        StateOption state;

        @Parameters(paramLabel = "DESTINATION")
        String destination;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<dev.sfsync.engine.config.ProjectConfig> config = ProjectSession.readConfig(project.directory, err);
            if (config.isEmpty()) {
                return ExitCodes.CONFIG_INVALID;
            }
            try (StateStore store = state.openStore(project.directory)) {
                Alerts alerts = Alerts.create(config.get(), store, ServerTables.open(project.directory, state), connection -> Optional.empty(),
                        Runnable::run, project.sleeper(), new ServerMetrics(sync -> new String[] {"", ""}), Clock.systemUTC(), "");
                Deliveries.Outcome outcome = alerts.test(destination);
                if (outcome.sent()) {
                    out.printf("test message delivered to %s (attempt %d)%n", destination, outcome.attempts());
                    out.flush();
                    return ExitCodes.OK;
                }
                err.printf("test message to %s failed after %d attempt(s): %s%n", destination, outcome.attempts(), outcome.error());
                err.flush();
                return ExitCodes.SALESFORCE_UNAVAILABLE;
            } catch (SfsyncException e) {
                err.println("sfsync alerts test: " + e.problem() + (e.fix() == null ? "" : " (fix: " + e.fix() + ")"));
                err.flush();
                return ExitCodes.CONFIG_INVALID;
            }
        }
    }
}

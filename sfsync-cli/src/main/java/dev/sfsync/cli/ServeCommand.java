package dev.sfsync.cli;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.config.RunSchedule;
import dev.sfsync.engine.connection.Logins;
import dev.sfsync.salesforce.observe.ExchangeListener;
import dev.sfsync.salesforce.retry.Sleeper;
import dev.sfsync.server.SfsyncServer;
import dev.sfsync.server.db.ServerDatabase;
import dev.sfsync.server.run.SharedProject;
import dev.sfsync.store.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Runs the project as a service: its schedules, sequences and alerts, and the HTTP API. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the project's syncs on their schedules, send its alerts and serve the REST API (and /metrics, /health, /ready)"
                + " until stopped (Ctrl-C or SIGTERM). Syncs run exactly as 'sfsync run' runs them; a sync never runs twice at once."},
        footer = {"", "Examples:", "  sfsync serve", "  sfsync serve --listen 0.0.0.0:8650 --public-url https://sfsync.example.com --secure-cookies",
                "", "First user: sfsync users add ada --role admin", "",
                "Exit codes: 0 stopped, 3 project file problems, 7 the server could not start (port taken, state database unusable)"})
final class ServeCommand implements Callable<Integer> {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    @Mixin
    ProjectOption project;

    @Mixin
    StateOption state;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8650",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String listen;

    @Option(names = "--public-url", paramLabel = "URL", description = "The address users reach the server at, for links in alerts (default: http://LISTEN).")
    String publicUrl;

    @Option(names = "--secure-cookies", description = "Mark the session cookie Secure: set it when users reach the server over HTTPS (a TLS proxy).")
    boolean secureCookies;

    @Option(names = "--log-format", defaultValue = "json", description = "json (one object per line, the default) or text (warnings only).")
    LogFormat logFormat;

    enum LogFormat { JSON, TEXT }

    @Option(names = "--run-threads", defaultValue = "4", description = "How many syncs may run at once (default: ${DEFAULT-VALUE}).")
    int runThreads;

    /** Tests of a team shorten it, to see a killed server's run picked up within seconds. */
    @Option(names = "--scheduler-heartbeat", hidden = true, defaultValue = "PT30S")
    java.time.Duration heartbeat;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int colon = listen.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            err.println("sfsync serve: --listen '" + listen + "' is not HOST:PORT (e.g. 127.0.0.1:8650)");
            err.flush();
            return ExitCodes.USAGE;
        }
        String host = colon <= 0 ? "127.0.0.1" : listen.substring(0, colon);
        Optional<ProjectConfig> read = ProjectSession.readConfig(project.directory, err);
        if (read.isEmpty()) {
            return ExitCodes.CONFIG_INVALID;
        }
        ProjectConfig config = read.get();
        if (logFormat == LogFormat.JSON) {
            ServeLogging.json();
        }
        Sleeper sleeper = project.sleeper();
        StateStore store;
        try {
            store = state.openStore(project.directory);
        } catch (SfsyncException e) {
            return cannotStart(e, err);
        }
        SfsyncServer server;
        ServerDatabase db = null;
        try {
            db = state.openServerTables(project.directory);
            // One set of logins for the quota reads and the web UI's connect/check/disconnect, as the CLI's commands use.
            Logins logins = ProjectSession.logins(config, store, sleeper);
            server = SfsyncServer.builder(config, store, db, new SharedProject(() -> ProjectSession.project(config, store, sleeper)))
                    .limits(connection -> Optional.ofNullable(config.connections().get(connection))
                            .map(c -> logins.client(c, ExchangeListener.NONE).rest().limits().get("DailyApiRequests")))
                    .logins(logins)
                    .baseUrl(publicUrl != null ? publicUrl : "http://" + listen).secureCookies(secureCookies).runThreads(runThreads).heartbeat(heartbeat)
                    .build().start(host, port);
        } catch (SfsyncException e) {
            if (db != null) {
                db.close();
            }
            store.close();
            return cannotStart(e, err);
        }
        if (!LOOPBACK.contains(host)) {
            err.println("warning: listening on " + host + " without TLS: logins and tokens cross the network in clear. Put the server behind a TLS"
                    + " proxy and pass --secure-cookies, or listen on 127.0.0.1.");
        }
        long scheduled = config.service().schedules().values().stream().filter(s -> !(s instanceof RunSchedule.Manual)).count();
        out.printf("sfsync serve: listening on http://%s:%d (%d scheduled syncs, %d sequences, %d alert rules)%n", host, server.port(), scheduled,
                config.service().sequences().size(), config.service().rules().size());
        out.println("API: http://" + host + ":" + server.port() + "/api/v1/syncs  metrics: /metrics  stop: Ctrl-C");
        out.println("Web UI: http://" + host + ":" + server.port() + "/ui  (log in as a user of 'sfsync users add')");
        out.flush();
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (server.runsLeftGoing().isEmpty()) {
                // A run that did not stop still writes to the state store until the process ends: it stays open under it.
                store.close();
            }
            stopped.countDown();
        }, "sfsync-serve-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private static int cannotStart(SfsyncException e, PrintWriter err) {
        err.println("sfsync serve: " + e.problem());
        err.println("  fix: " + e.fix());
        err.flush();
        return ExitCodes.SERVER_FAILED;
    }
}

package dev.sfsync.server;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.salesforce.retry.Sleeper;
import dev.sfsync.server.alert.Alerts;
import dev.sfsync.server.api.ApiServer;
import dev.sfsync.server.auth.ApiTokens;
import dev.sfsync.server.auth.LoginThrottle;
import dev.sfsync.server.auth.Sessions;
import dev.sfsync.server.auth.Users;
import dev.sfsync.server.db.ServerDatabase;
import dev.sfsync.server.metrics.ServerMetrics;
import dev.sfsync.server.retention.RetentionJob;
import dev.sfsync.server.run.RunLauncher;
import dev.sfsync.server.run.SequenceRunner;
import dev.sfsync.server.run.SharedProject;
import dev.sfsync.server.schedule.QuotaBackoff;
import dev.sfsync.server.schedule.SyncScheduler;
import dev.sfsync.server.web.WebUi;
import dev.sfsync.store.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import dev.sfsync.core.RunId;
import dev.sfsync.engine.lease.RunCancel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code sfsync serve}: one long-running process with the scheduler, the alerts and the HTTP API over a project.
 * <pre>{@code
 * SfsyncServer server = SfsyncServer.builder(config, store, serverDb, project).limits(limits).build().start("127.0.0.1", 8650);
 * Runtime.getRuntime().addShutdownHook(new Thread(server::close));
 * }</pre>
 */
public final class SfsyncServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SfsyncServer.class);

    private final ServerContext context;
    private final ApiServer api;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sfsync-timers").factory());
    private final ExecutorService alertSending;
    private final RetentionJob retention;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    /** Who asks a run to stop when the server stops, as the run's cancel request shows it. */
    private static final String STOPPING = "the server stopping (pid " + ProcessHandle.current().pid() + ")";
    private final Duration stopWait;
    private volatile Map<String, RunId> leftGoing = Map.of();

    private SfsyncServer(ServerContext context, ApiServer api, ExecutorService alertSending, RetentionJob retention, Duration stopWait) {
        this.context = context;
        this.stopWait = stopWait;
        this.api = api;
        this.alertSending = alertSending;
        this.retention = retention;
    }

    /** The server closes {@code db} when it is closed; the store stays the caller's. */
    public static Builder builder(ProjectConfig config, StateStore store, ServerDatabase db, SharedProject project) {
        return new Builder(config, store, db, project);
    }

    public ServerContext context() {
        return context;
    }

    public ApiServer api() {
        return api;
    }

    /** The retention job, which {@link #start} runs every {@code retention.every} (tests run it by hand). */
    public RetentionJob retention() {
        return retention;
    }

    /** Starts the scheduler, the stale-sync check and the retention job (first a minute after start), then listens. */
    public SfsyncServer start(String host, int port) {
        api.start(host, port);
        context.scheduler().start();
        timers.scheduleWithFixedDelay(() -> {
            try {
                context.alerts().checkStale();
            } catch (RuntimeException e) {
                LOG.warn("stale-sync check failed: {}", e.toString());
            }
        }, 1, 5, TimeUnit.MINUTES);
        long every = context.config().service().retention().every().toSeconds();
        timers.scheduleWithFixedDelay(retention::runOnce, Math.min(60, every), every, TimeUnit.SECONDS);
        return this;
    }

    public int port() {
        return api.port();
    }

    /** Stops the server, waiting up to the builder's {@code stopWait} for its runs to stop (see {@link #stop}). */
    @Override
    public void close() {
        stop(stopWait);
    }

    /**
     * Stops taking work, asks every run of this process to stop (as a cancel does: what it sent keeps its outcome, the
     * rest goes next run) and waits up to {@code wait} for them to end; only then closes the server database. A run
     * still going after the wait is marked interrupted, so that the next run settles what it sent against Salesforce
     * before sending anything, and the database is left open under it (the process ends it).
     *
     * @return the runs still going, by sync (empty when every run ended)
     */
    public Map<String, RunId> stop(Duration wait) {
        if (!closed.compareAndSet(false, true)) {
            return leftGoing;
        }
        timers.shutdownNow();
        api.close();
        // No run starts from here on (a schedule slot, a sequence's next step); a run that was starting when the refusal
        // came is asked to stop as soon as the store has recorded it.
        context.launcher().refuseNewRuns();
        java.util.Set<RunId> asked = new java.util.HashSet<>();
        askRunsToStop(asked);
        long deadline = System.nanoTime() + wait.toNanos();
        context.scheduler().close();
        context.background().shutdown();
        alertSending.shutdown();
        try {
            while (context.launcher().anyRunning() && System.nanoTime() < deadline) {
                askRunsToStop(asked);
                Thread.sleep(50);
            }
            context.background().awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            alertSending.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (context.launcher().anyRunning()) {
            leftGoing = context.launcher().runningRuns();
            markInterrupted(leftGoing, wait);
            return leftGoing;
        }
        context.db().close();
        return leftGoing;
    }

    /** The runs that were still going when the server stopped (empty before it stopped, or when they all ended). */
    public Map<String, RunId> runsLeftGoing() {
        return leftGoing;
    }

    private void askRunsToStop(java.util.Set<RunId> asked) {
        RunCancel cancel = new RunCancel(context.store(), Clock.systemUTC());
        context.launcher().runningRuns().forEach((sync, run) -> {
            if (!asked.add(run)) {
                return;
            }
            try {
                cancel.request(run, STOPPING);
                LOG.info("asked run {} of {} to stop: the server is stopping", run, sync);
            } catch (RuntimeException e) {
                LOG.warn("could not ask run {} of {} to stop: {}", run, sync, e.getMessage());
            }
        });
    }

    private void markInterrupted(Map<String, RunId> runs, Duration wait) {
        String message = "interrupted: the server stopped while the run was going on, and it had not ended " + wait.toSeconds()
                + " s after it was asked to stop; the next run settles what it sent against Salesforce before sending anything";
        runs.forEach((sync, run) -> {
            try {
                context.store().runs().interrupt(run, java.time.Instant.now(), context.store().outcomes().summarize(run), message);
            } catch (RuntimeException e) {
                LOG.warn("could not mark run {} of {} interrupted: {}", run, sync, e.getMessage());
            }
            LOG.warn("run {} of {} had not stopped {} s after the server asked it to: marked interrupted, the server database left open under it",
                    run, sync, wait.toSeconds());
        });
    }

    /** Options of a server to build. */
    public static final class Builder {
        private final ProjectConfig config;
        private final StateStore store;
        private final ServerDatabase db;
        private final SharedProject project;
        private ServerContext.DailyLimits limits = connection -> java.util.Optional.empty();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private String baseUrl = "http://127.0.0.1:8650";
        private boolean secureCookies;
        private SyncScheduler.Factory schedulerFactory;
        private com.github.kagkarlsson.scheduler.Clock schedulerClock;
        private int runThreads = 4;
        private Duration heartbeat = Duration.ofSeconds(30);
        private Duration stopWait = Duration.ofSeconds(60);
        private boolean baseUrlGiven;
        private dev.sfsync.engine.connection.Logins logins;
        private RunLauncher.Runs runs;

        private Builder(ProjectConfig config, StateStore store, ServerDatabase db, SharedProject project) {
            this.config = Objects.requireNonNull(config, "config is null");
            this.store = Objects.requireNonNull(store, "store is null");
            this.db = Objects.requireNonNull(db, "db is null");
            this.project = Objects.requireNonNull(project, "project is null");
        }

        /** How to read a connection's daily API limit (GET /limits). */
        public Builder limits(ServerContext.DailyLimits value) {
            this.limits = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** How alert retries wait; tests record the waits. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = value;
            return this;
        }

        /** The address users reach the server at, for links in alerts. */
        public Builder baseUrl(String value) {
            this.baseUrl = value;
            this.baseUrlGiven = true;
            return this;
        }

        /** Mark the session cookie Secure (when the server is reached over HTTPS, e.g. behind a TLS proxy). */
        public Builder secureCookies(boolean value) {
            this.secureCookies = value;
            return this;
        }

        /** How to build db-scheduler's scheduler, and the clock it keeps time by (tests: a manual scheduler and a settable clock). */
        public Builder scheduler(SyncScheduler.Factory factory, com.github.kagkarlsson.scheduler.Clock clockOfScheduler) {
            this.schedulerFactory = factory;
            this.schedulerClock = clockOfScheduler;
            return this;
        }

        /** How many syncs may run at once (scheduled ones and those started by the API). */
        /**
         * How often the scheduler tells the others it is alive; a node silent for six of these is dead and its runs are
         * picked up by another (default 30 s; tests shorten it).
         */
        public Builder heartbeat(Duration value) {
            this.heartbeat = value;
            return this;
        }

        /**
         * How a run is done; by default the engine's, over the project. Only the scheduler benchmark replaces it, with a run
         * that does nothing, to measure what the scheduler itself costs.
         */
        public Builder runs(RunLauncher.Runs value) {
            this.runs = value;
            return this;
        }

        /** How long stopping waits for the runs it asked to stop before it leaves them going (default 60 s). */
        public Builder stopWait(Duration value) {
            this.stopWait = value;
            return this;
        }

        public Builder runThreads(int value) {
            this.runThreads = value;
            return this;
        }

        /** The logins the web UI connects, checks and disconnects through (default: over the project's state store, as the CLI's). */
        public Builder logins(dev.sfsync.engine.connection.Logins value) {
            this.logins = value;
            return this;
        }

        public SfsyncServer build() {
            ExecutorService background = Executors.newFixedThreadPool(runThreads, Thread.ofPlatform().name("sfsync-run-", 1).factory());
            ExecutorService alertSending = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("sfsync-alert-", 1).factory());
            RunLauncher launcher = runs != null ? new RunLauncher(runs, background, clock) : new RunLauncher(project, background, clock);
            ServerMetrics metrics = new ServerMetrics(sync -> {
                var definition = config.syncs().get(sync);
                return definition == null ? new String[] {"", ""}
                        : new String[] {definition.connection(), definition.api().name().toLowerCase(java.util.Locale.ROOT)};
            });
            QuotaBackoff backoff = new QuotaBackoff(db, sync -> {
                var definition = config.syncs().get(sync);
                return definition == null ? java.util.Optional.empty() : limits.of(definition.connection());
            }, clock);
            Alerts alerts = Alerts.create(config, store, db, limits, alertSending, sleeper, metrics, clock, baseUrl);
            launcher.listen(metrics);
            launcher.listen(backoff);
            launcher.listen(alerts);
            com.github.kagkarlsson.scheduler.Clock timeOfScheduler = schedulerClock != null ? schedulerClock : clock::instant;
            SyncScheduler.Factory factory = schedulerFactory != null ? schedulerFactory : tasks -> Scheduler.create(db.dataSource(), tasks)
                    .jdbcCustomization(db.schedulerSql()).threads(runThreads).pollingInterval(Duration.ofSeconds(5))
                    .heartbeatInterval(heartbeat).schedulerName(new SchedulerName.Fixed(new SchedulerName.Hostname().getName() + "-" + ProcessHandle.current().pid())).deleteUnresolvedAfter(Duration.ofDays(1))
                    .shutdownMaxWait(stopWait)
                    .build();
            dev.sfsync.server.run.SequenceRuns sequenceRuns = new dev.sfsync.server.run.SequenceRuns(db, clock);
            SequenceRunner sequences = new SequenceRunner(launcher, sequenceRuns);
            SyncScheduler scheduler = new SyncScheduler(config.service(), launcher, sequences, backoff,
                    new dev.sfsync.server.schedule.SchedulePauses(db, clock), metrics, timeOfScheduler, factory, true);
            Users users = new Users(db, clock);
            ServerContext context = new ServerContext(config, store, db, project, launcher, sequences, background, scheduler, backoff,
                    users, new ApiTokens(db, users, clock), new Sessions(db, users, clock), new LoginThrottle(db, clock), metrics, limits, alerts);
            dev.sfsync.engine.connection.Logins web = logins != null ? logins : dev.sfsync.engine.connection.Logins.of(config, store, Sleeper.SYSTEM);
            WebUi ui = new WebUi(context, web, secureCookies, baseUrlGiven ? baseUrl : null, clock);
            RetentionJob retention = new RetentionJob(store, sequenceRuns, config.service().retention(), clock);
            return new SfsyncServer(context, new ApiServer(context, secureCookies, ui::register), alertSending, retention, stopWait);
        }
    }
}

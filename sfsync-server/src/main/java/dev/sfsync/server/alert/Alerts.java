package dev.sfsync.server.alert;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.outcome.RunSummary;
import dev.sfsync.engine.config.AlertDestination;
import dev.sfsync.engine.config.AlertRule;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.project.SecretValues;
import dev.sfsync.engine.run.Errors;
import dev.sfsync.salesforce.error.AuthenticationFailed;
import dev.sfsync.salesforce.error.ReconnectNeeded;
import dev.sfsync.salesforce.retry.Sleeper;
import dev.sfsync.server.ServerContext;
import dev.sfsync.server.db.ServerDatabase;
import dev.sfsync.server.schedule.SchedulePauses;
import dev.sfsync.server.metrics.ServerMetrics;
import dev.sfsync.server.run.RunEnded;
import dev.sfsync.server.run.RunListener;
import dev.sfsync.store.Run;
import dev.sfsync.store.StateStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The alert rules of sfsync.yaml at work: after each run (and, for staleness, on a timer) each rule's condition
 * opens or resolves an incident per sync or connection, and each opening and resolution is sent once to the rule's
 * destinations.
 */
public final class Alerts implements RunListener {
    private final ProjectConfig config;
    private final StateStore store;
    private final ServerContext.DailyLimits limits;
    private final Incidents incidents;
    private final Deliveries deliveries;
    private final Clock clock;
    private final String baseUrl;
    private final SchedulePauses pauses;

    private Alerts(ProjectConfig config, StateStore store, ServerContext.DailyLimits limits, Incidents incidents, Deliveries deliveries, Clock clock,
                   String baseUrl, SchedulePauses pauses) {
        this.config = config;
        this.store = store;
        this.limits = limits;
        this.incidents = incidents;
        this.deliveries = deliveries;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.pauses = pauses;
    }

    /**
     * @param executor where deliveries run (off the run's thread in the server)
     * @param baseUrl  the server's address as users reach it, for links to runs
     */
    public static Alerts create(ProjectConfig config, StateStore store, ServerDatabase db, ServerContext.DailyLimits limits, Executor executor,
                                Sleeper sleeper, ServerMetrics metrics, Clock clock, String baseUrl) {
        Map<String, Sender> senders = new LinkedHashMap<>();
        config.service().destinations().forEach((name, destination) -> senders.put(name, sender(destination, config.directory())));
        return new Alerts(config, store, limits, new Incidents(db, clock), new Deliveries(db, senders, executor, sleeper, metrics, clock), clock,
                baseUrl, new SchedulePauses(db, clock));
    }

    private static Sender sender(AlertDestination destination, Path directory) {
        return switch (destination) {
            case AlertDestination.Slack slack -> HttpSenders.slack(() -> SecretValues.resolve(slack.webhookUrl(), directory));
            case AlertDestination.Webhook hook -> HttpSenders.webhook(hook.url(), () -> SecretValues.resolve(hook.signingSecret(), directory));
            case AlertDestination.PagerDuty pd -> HttpSenders.pagerDuty(pd.eventsUrl(), () -> SecretValues.resolve(pd.routingKey(), directory));
            case AlertDestination.Email email -> new EmailSender(email, () -> SecretValues.resolve(email.username(), directory),
                    () -> SecretValues.resolve(email.password(), directory));
        };
    }

    @Override
    public void ended(RunEnded run) {
        String connection = Optional.ofNullable(config.syncs().get(run.sync())).map(s -> s.connection()).orElse(null);
        for (AlertRule rule : config.service().rules()) {
            if (!watches(rule, run.sync())) {
                continue;
            }
            switch (rule.when()) {
                case RUN_FAILED -> judge(rule, run.sync(), run.failed(), "sync " + run.sync() + " failed: " + run.reason(), run);
                case FAILED_ROWS_PERCENT -> {
                    double percent = failedPercent(run);
                    judge(rule, run.sync(), run.result() != null && percent > rule.threshold(),
                            "sync " + run.sync() + ": " + String.format(Locale.ROOT, "%.1f", percent) + " % of rows failed (above " + rule.threshold() + " %)", run);
                }
                case REJECTED_ROWS -> {
                    long rejected = run.result() == null ? 0 : run.result().summary().rejected();
                    judge(rule, run.sync(), run.result() != null && rejected > rule.threshold(),
                            "sync " + run.sync() + ": " + rejected + " rows rejected (above " + (long) rule.threshold() + ")", run);
                }
                case CONNECTION_LOST -> {
                    if (connection != null) {
                        boolean lost = run.failure() instanceof AuthenticationFailed || run.failure() instanceof ReconnectNeeded;
                        // A run that never reached Salesforce (nothing changed, a config problem) says nothing about the login.
                        if (lost || run.result() != null && run.result().apiCalls() > 0) {
                            judge(rule, connection, lost, "connection " + connection + " lost: Salesforce refused its login (" + run.reason()
                                    + "); run 'sfsync connect " + connection + "'", run);
                        }
                    }
                }
                case QUOTA_PERCENT -> {
                    if (connection != null) {
                        limits.of(connection).filter(l -> l.max() > 0).ifPresent(daily -> {
                            double used = 100.0 * (daily.max() - daily.remaining()) / daily.max();
                            judge(rule, connection, used > rule.threshold(), "connection " + connection + " has used " + String.format(Locale.ROOT, "%.1f", used)
                                    + " % of its daily API requests (above " + rule.threshold() + " %)", run);
                        });
                    }
                }
                case STALE_HOURS -> judge(rule, run.sync(), stale(rule, run.sync()), staleText(rule, run.sync()), run);
            }
        }
    }

    /** Opens or resolves the stale-sync incidents; the server calls it every few minutes. */
    public void checkStale() {
        for (AlertRule rule : config.service().rules()) {
            if (rule.when() != AlertRule.Condition.STALE_HOURS) {
                continue;
            }
            for (String sync : config.syncs().keySet()) {
                // A sync whose schedule an operator paused is meant not to run: no news from it is not a problem.
                if (watches(rule, sync) && pauses.current(SchedulePauses.Kind.SYNC, sync).isEmpty()) {
                    judge(rule, sync, stale(rule, sync), staleText(rule, sync), null);
                }
            }
        }
    }

    private boolean stale(AlertRule rule, String sync) {
        Instant since = clock.instant().minus(Duration.ofMinutes(Math.round(rule.threshold() * 60)));
        return lastSuccess(sync).map(at -> at.isBefore(since)).orElse(true);
    }

    private String staleText(AlertRule rule, String sync) {
        return "sync " + sync + " has had no successful run for " + rule.threshold() + " hours (last: "
                + lastSuccess(sync).map(Instant::toString).orElse("never") + ")";
    }

    private Optional<Instant> lastSuccess(String sync) {
        return store.runs().recent(SyncId.of(sync), 200).stream()
                .filter(r -> r.status() == Run.Status.SUCCEEDED || r.status() == Run.Status.PARTIAL)
                .map(Run::finishedAt).findFirst();
    }

    private boolean watches(AlertRule rule, String sync) {
        if (rule.watches(sync)) {
            return true;
        }
        return rule.on().stream().map(config.service().sequences()::get).anyMatch(s -> s != null && s.syncs().contains(sync));
    }

    private static double failedPercent(RunEnded run) {
        if (run.result() == null) {
            return 0;
        }
        RunSummary s = run.result().summary();
        long total = s.created() + s.updated() + s.deleted() + s.unchanged() + s.rejected() + s.failed();
        return total == 0 ? 0 : 100.0 * s.failed() / total;
    }

    private void judge(AlertRule rule, String subject, boolean holds, String title, RunEnded run) {
        String runId = run == null || run.runId() == null ? null : run.runId().value();
        if (holds && incidents.open(rule.id(), subject, title, runId)) {
            deliveries.deliver(event(AlertEvent.Kind.TRIGGER, rule, subject, title, run), rule.destinations());
        } else if (!holds && incidents.resolve(rule.id(), subject)) {
            String resolved = rule.when().name().toLowerCase(Locale.ROOT) + " on " + subject + " is resolved";
            deliveries.deliver(event(AlertEvent.Kind.RESOLVE, rule, subject, resolved, run), rule.destinations());
        }
    }

    private AlertEvent event(AlertEvent.Kind kind, AlertRule rule, String subject, String title, RunEnded run) {
        String runId = run == null || run.runId() == null ? null : run.runId().value();
        List<AlertEvent.TopError> top = run == null || run.result() == null ? List.of()
                : run.result().errorCounts().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .map(e -> {
                    var explained = Errors.explain(e.getKey());
                    return new AlertEvent.TopError(e.getKey(), e.getValue(), explained.explanation(), explained.fix());
                }).toList();
        return new AlertEvent(kind, Incidents.id(rule.id(), subject), rule.id(), rule.when().name().toLowerCase(Locale.ROOT), subject, title,
                run == null ? null : "run " + runId + " (" + run.trigger() + ")", runId, runId == null ? null : baseUrl + "/api/v1/runs/" + runId,
                top, clock.instant());
    }

    /** Sends a test message to the destination now, retrying as for real alerts, and says how it went. */
    public Deliveries.Outcome test(String destination) {
        if (!config.service().destinations().containsKey(destination)) {
            throw new UnknownDestination(destination, config.service().destinations().keySet());
        }
        AlertEvent event = new AlertEvent(AlertEvent.Kind.TEST, "test:" + destination + ":" + clock.millis(), "test", "test", destination,
                "test message from sfsync to '" + destination + "'", "If you read this, alerts reach this destination.", null, null, List.of(),
                clock.instant());
        return deliveries.deliverNow(event, destination);
    }

    public List<Incidents.Incident> recent(int limit) {
        return incidents.recent(limit);
    }

    /** No destination of that name in sfsync.yaml. */
    public static final class UnknownDestination extends dev.sfsync.core.SfsyncException {
        UnknownDestination(String name, java.util.Collection<String> names) {
            super("no alert destination named '" + name + "'", dev.sfsync.engine.config.NearestName.fix(name, names, "destination under 'alerts.destinations'"));
        }
    }
}

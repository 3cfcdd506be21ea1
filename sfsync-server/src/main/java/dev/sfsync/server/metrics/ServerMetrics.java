package dev.sfsync.server.metrics;

import dev.sfsync.core.outcome.RunSummary;
import dev.sfsync.server.run.RunEnded;
import dev.sfsync.server.run.RunListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What {@code /metrics} shows, in Prometheus' text format: rows by outcome and sync, run durations, API calls by
 * kind and connection, quota remaining, scheduler lag and alert deliveries.
 */
public final class ServerMetrics implements RunListener {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Function<String, String[]> connectionAndApi;
    private final Map<String, AtomicLong> quotaRemaining = new ConcurrentHashMap<>();

    /** @param connectionAndApi a sync's connection and API (rest, bulk1, bulk2), to label its calls */
    public ServerMetrics(Function<String, String[]> connectionAndApi) {
        this.connectionAndApi = connectionAndApi;
    }

    @Override
    public void ended(RunEnded run) {
        String status = run.failed() ? "failed" : run.cancelled() ? "cancelled" : run.result().summary().allSucceeded() ? "succeeded" : "partial";
        Timer.builder("sfsync_run_duration").description("How long runs took").tag("sync", run.sync()).tag("status", status)
                .register(registry).record(run.took());
        if (run.result() == null) {
            return;
        }
        RunSummary s = run.result().summary();
        rows(run.sync(), "created", s.created());
        rows(run.sync(), "updated", s.updated());
        rows(run.sync(), "deleted", s.deleted());
        rows(run.sync(), "unchanged", s.unchanged());
        rows(run.sync(), "rejected", s.rejected());
        rows(run.sync(), "failed", s.failed());
        String[] labels = connectionAndApi.apply(run.sync());
        Counter.builder("sfsync_api_calls").description("Salesforce API calls made by runs").tag("connection", labels[0]).tag("kind", labels[1])
                .register(registry).increment(run.result().apiCalls());
    }

    private void rows(String sync, String outcome, long count) {
        Counter.builder("sfsync_rows").description("Rows by outcome").tag("sync", sync).tag("outcome", outcome).register(registry).increment(count);
    }

    /** How late a scheduled run started against its due time. */
    public void schedulerLag(Duration lag) {
        Timer.builder("sfsync_scheduler_lag").description("Delay between a scheduled run's due time and its start").register(registry)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    public void quotaRemaining(String connection, long remaining) {
        quotaRemaining.computeIfAbsent(connection, c -> {
            AtomicLong value = new AtomicLong();
            registry.gauge("sfsync_api_quota_remaining", java.util.List.of(io.micrometer.core.instrument.Tag.of("connection", c)), value);
            return value;
        }).set(remaining);
    }

    public void alertDelivery(String destination, String status) {
        Counter.builder("sfsync_alert_deliveries").description("Alert deliveries by destination and result").tag("destination", destination)
                .tag("status", status).register(registry).increment();
    }

    public String scrape() {
        return registry.scrape();
    }
}

package dev.sfsync.engine.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code sfsync serve} does on its own: each sync's schedule, the sequences, the alerts and the retention of run details. Read and checked
 * with the rest of sfsync.yaml, so {@code sfsync validate} reports a bad cron line like any other problem.
 */
public record ServiceConfig(Map<String, RunSchedule> schedules, Map<String, SequenceConfig> sequences,
                            Map<String, AlertDestination> destinations, List<AlertRule> rules, RetentionConfig retention) {
    public static final ServiceConfig NONE = new ServiceConfig(Map.of(), Map.of(), Map.of(), List.of());

    /** With the default retention. */
    public ServiceConfig(Map<String, RunSchedule> schedules, Map<String, SequenceConfig> sequences, Map<String, AlertDestination> destinations,
                         List<AlertRule> rules) {
        this(schedules, sequences, destinations, rules, RetentionConfig.DEFAULTS);
    }

    public ServiceConfig {
        schedules = Collections.unmodifiableMap(new LinkedHashMap<>(schedules));
        sequences = Collections.unmodifiableMap(new LinkedHashMap<>(sequences));
        destinations = Collections.unmodifiableMap(new LinkedHashMap<>(destinations));
        rules = List.copyOf(rules);
        retention = retention == null ? RetentionConfig.DEFAULTS : retention;
    }

    /** A sync's schedule; manual when it has none. */
    public RunSchedule schedule(String sync) {
        return schedules.getOrDefault(sync, RunSchedule.MANUAL);
    }
}

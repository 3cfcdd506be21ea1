package dev.sfsync.engine.config;

import java.util.List;
import java.util.Objects;

/**
 * A named, ordered list of syncs run one after the other ({@code sequences:} in sfsync.yaml), so that contacts run
 * only after accounts ended. {@code on_failure: stop} (the default) skips the rest once a sync's run fails as a whole.
 */
public record SequenceConfig(String name, RunSchedule schedule, List<String> syncs, OnFailure onFailure) {
    public enum OnFailure { STOP, CONTINUE }

    public SequenceConfig {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(schedule, "schedule is null");
        Objects.requireNonNull(onFailure, "onFailure is null");
        syncs = List.copyOf(syncs);
    }
}

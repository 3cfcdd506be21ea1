package dev.sfsync.engine.config;

import java.util.List;
import java.util.Optional;

/** The outcome of reading a project: the config when it is sound, and every problem found either way. */
public record ConfigResult(Optional<ProjectConfig> config, List<ConfigProblem> problems) {
    public ConfigResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}

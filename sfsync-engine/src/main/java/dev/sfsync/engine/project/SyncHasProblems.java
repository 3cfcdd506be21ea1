package dev.sfsync.engine.project;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.engine.config.ConfigProblem;

import java.util.List;

/** A sync does not fit the org or its model; nothing was sent. */
public final class SyncHasProblems extends SfsyncException {
    private final List<ConfigProblem> problems;

    public SyncHasProblems(String sync, List<ConfigProblem> problems) {
        super("sync '" + sync + "' has " + problems.size() + " problem(s) against the org:\n  "
                + String.join("\n  ", problems.stream().map(ConfigProblem::render).toList()), "fix each one in sfsync.yaml (or in the org)");
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}

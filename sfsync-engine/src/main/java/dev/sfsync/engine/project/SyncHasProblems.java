package dev.sfsync.engine.project;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.engine.config.ConfigProblem;

import java.util.List;

/** A sync does not fit the org, or its model cannot be read; nothing was sent. */
public final class SyncHasProblems extends SfsyncException {
    private final List<ConfigProblem> problems;
    private final String unreadableModel;

    /** The sync against the org: fields, match, mappings that the org's describe does not allow. */
    public SyncHasProblems(String sync, List<ConfigProblem> problems) {
        this(sync, problems, null);
    }

    private SyncHasProblems(String sync, List<ConfigProblem> problems, String unreadableModel) {
        super("sync '" + sync + "' " + (unreadableModel == null ? "has " + problems.size() + " problem(s) against the org"
                        : "cannot read its model '" + unreadableModel + "'") + ":\n  "
                        + String.join("\n  ", problems.stream().map(ConfigProblem::render).toList()),
                unreadableModel == null ? "fix each one in sfsync.yaml (or in the org)" : "fix the model's query or its source, then run again");
        this.problems = List.copyOf(problems);
        this.unreadableModel = unreadableModel;
    }

    /** The source refused the model's query (a missing file or table, bad SQL): a local problem, no call was made. */
    public static SyncHasProblems modelUnreadable(String sync, String model, List<ConfigProblem> problems) {
        return new SyncHasProblems(sync, problems, model);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    /** The model that could not be read, or null when the problems are the sync's against the org. */
    public String unreadableModel() {
        return unreadableModel;
    }
}

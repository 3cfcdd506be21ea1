package dev.sfsync.engine.lease;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.store.Run;

/** A run that cannot be cancelled: it ended, its process died, or it is of a kind that does not stop midway. */
public final class RunNotCancellable extends SfsyncException {
    private final transient Run run;

    RunNotCancellable(Run run, String problem, String fix) {
        super(problem, fix);
        this.run = run;
    }

    public Run run() {
        return run;
    }
}

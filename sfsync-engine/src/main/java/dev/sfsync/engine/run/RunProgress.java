package dev.sfsync.engine.run;

import dev.sfsync.core.change.ChangeCounts;
import dev.sfsync.core.outcome.RowOutcome;

import java.util.List;

/** Hears how a run goes, for progress display. Called from the run's threads; keep it quick and never throw. */
public interface RunProgress {
    RunProgress NONE = new RunProgress() {
    };

    /** The run is recorded in the state store under this id (before anything is read or sent). */
    default void started(dev.sfsync.core.RunId run) {
    }

    /** The changes are known: {@code counts.total()} rows will get an outcome. */
    default void detected(ChangeCounts counts) {
    }

    default void settled(List<RowOutcome> outcomes) {
    }

    /** This many more rows succeeded, settled set-based without passing one by one through {@link #settled}. */
    default void counted(long rows) {
    }
}

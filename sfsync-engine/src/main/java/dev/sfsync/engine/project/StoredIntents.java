package dev.sfsync.engine.project;

import dev.sfsync.core.RunId;
import dev.sfsync.core.SyncId;
import dev.sfsync.engine.plan.RowPlan;
import dev.sfsync.engine.run.WriteAheadLog;
import dev.sfsync.engine.sync.ApiChoice;
import dev.sfsync.engine.sync.SyncDefinition;
import dev.sfsync.store.StateStore;
import dev.sfsync.store.WriteIntents;

import java.util.List;

/** A run's write-ahead log in the state store: what it keeps survives the process, for the next run to reconcile. */
final class StoredIntents implements WriteAheadLog {
    private final StateStore store;
    private final SyncId sync;
    private final RunId run;

    StoredIntents(StateStore store, SyncDefinition sync, RunId run) {
        this.store = store;
        this.sync = SyncId.of(sync.name());
        this.run = run;
    }

    @Override
    public void creating(List<RowPlan.Write> rows) {
        store.intents().sending(sync, run, rows.stream().map(w -> new WriteIntents.PendingRow(run, w.key(), w.matchValue())).toList());
    }

    @Override
    public void jobOpened(ApiChoice api, String jobId) {
        store.intents().jobOpened(sync, run, api.name(), jobId);
    }
}

package dev.sfsync.engine.project;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.Row;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.plan.PicklistChange;
import dev.sfsync.engine.sync.PicklistTarget;
import dev.sfsync.engine.sync.SyncDefinition;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.metadata.MetadataResult;
import dev.sfsync.source.ModelReader;
import dev.sfsync.source.Source;

import java.util.ArrayList;
import java.util.List;

/**
 * A picklist value sync (mode all): reads the model (its values, at most one past the limit) and the field's value
 * set, and writes the new value set with one updateMetadata call when something changed. No snapshot: the field's
 * current values are what the model is compared with, so a value changed in Setup is put back too.
 */
final class PicklistSyncRun {
    private PicklistSyncRun() {
    }

    static PicklistChange change(SyncDefinition sync, Source source, Model model, SalesforceClient client) {
        PicklistTarget target = sync.options().picklist().orElseThrow();
        List<Row> rows = new ArrayList<>();
        try (ModelReader reader = source.read(model)) {
            while (reader.hasNext() && rows.size() <= PicklistTarget.MAX_VALUES) {
                rows.add(reader.next());
            }
        }
        String field = client.rest().describes().describe(sync.object()).field(target.field()).orElseThrow().name();
        return PicklistChange.of(target, rows, model.keyColumns(), client.metadata().readPicklist(sync.object(), field));
    }

    /** Writes the change; returns why it could not be written, or null. Every model row's outcome goes to {@code settle}. */
    static String write(SyncDefinition sync, PicklistChange change, SalesforceClient client, java.util.function.Consumer<List<RowOutcome>> settle) {
        String stopped = change.refusal();
        List<RowOutcome> outcomes = change.outcomes();
        if (change.changes()) {
            String field = client.rest().describes().describe(sync.object()).field(sync.options().picklist().orElseThrow().field()).orElseThrow().name();
            MetadataResult result = client.metadata().writePicklist(sync.object(), field, change.values());
            if (!result.success()) {
                var error = result.errors().getFirst();
                dev.sfsync.core.outcome.RowError rowError = dev.sfsync.core.outcome.RowError.of(error.code(), error.message());
                outcomes = outcomes.stream().map(o -> o.succeeded() && !(o instanceof RowOutcome.Unchanged)
                        ? (RowOutcome) new RowOutcome.Failed(o.key(), rowError, 1) : o).toList();
                stopped = "updateMetadata failed: " + error.code() + ": " + error.message();
            }
        }
        settle.accept(outcomes);
        return stopped;
    }
}

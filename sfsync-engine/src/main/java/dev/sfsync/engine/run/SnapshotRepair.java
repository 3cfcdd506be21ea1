package dev.sfsync.engine.run;

import dev.sfsync.core.change.Change;
import dev.sfsync.core.change.ChangeKind;
import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.plan.PreparedSync;
import dev.sfsync.engine.plan.RowPlan;
import dev.sfsync.engine.plan.RowPlanner;
import dev.sfsync.engine.plan.WriteKind;
import dev.sfsync.salesforce.SalesforceClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Rebuilds an insert sync's lost snapshot from the org: every model row the snapshot does not hold is looked up in
 * Salesforce by its idempotency value; a row whose record exists is settled as created with that record (so no run
 * creates it again), the others are left for the next run to create. Sends nothing but queries.
 */
public final class SnapshotRepair {
    private static final int CHUNK = 2_000;

    /** Rows looked at, and how many of them Salesforce already holds. */
    public record Result(long rows, long found) {
    }

    private final PreparedSync sync;
    private final RecordFinder finder;

    public SnapshotRepair(PreparedSync sync, SalesforceClient client) {
        if (!sync.definition().hasIdempotencyKey()) {
            throw new IllegalArgumentException("only an insert sync with an idempotency key can find its records again");
        }
        this.sync = sync;
        this.finder = new RecordFinder(client);
    }

    public Result repair(ChangeSet changes, Consumer<List<RowOutcome>> settle) {
        RowPlanner planner = new RowPlanner(sync);
        String field = sync.field(sync.definition().match().orElseThrow().field()).name();
        long rows = 0;
        long found = 0;
        List<RowPlan.Write> chunk = new ArrayList<>();
        try (Stream<Change> stream = changes.changes(Set.of(ChangeKind.ADDED, ChangeKind.CHANGED))) {
            for (Change change : (Iterable<Change>) stream::iterator) {
                if (planner.decide(change) instanceof RowPlan.Write write && write.kind() == WriteKind.CREATE && write.matchValue() != null) {
                    rows++;
                    chunk.add(write);
                    if (chunk.size() >= CHUNK) {
                        found += settleFound(chunk, field, settle);
                        chunk.clear();
                    }
                }
            }
        }
        found += settleFound(chunk, field, settle);
        return new Result(rows, found);
    }

    private long settleFound(List<RowPlan.Write> chunk, String field, Consumer<List<RowOutcome>> settle) {
        if (chunk.isEmpty()) {
            return 0;
        }
        Map<String, String> ids = finder.findNow(sync.object().name(), field, chunk.stream().map(RowPlan.Write::matchValue).toList());
        List<RowOutcome> created = chunk.stream().filter(w -> ids.containsKey(w.matchValue()))
                .<RowOutcome>map(w -> new RowOutcome.Created(w.key(), ids.get(w.matchValue()))).toList();
        settle.accept(created);
        return created.size();
    }
}

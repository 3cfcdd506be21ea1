package dev.sfsync.engine.run;

import dev.sfsync.core.change.Change;
import dev.sfsync.core.change.ChangeKind;
import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.plan.Planner;
import dev.sfsync.engine.plan.PreparedSync;
import dev.sfsync.engine.plan.RowPlan;
import dev.sfsync.engine.plan.RowPlanner;
import dev.sfsync.engine.sync.SyncMode;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.bulk.Operation;
import dev.sfsync.salesforce.error.SalesforceException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs a multi-object sync (Contact or Lead, Account or Lead), a chunk of rows at a time: the chunk's match values are
 * looked up on both objects (one query each), then each row updates the record of the sync's object that has its
 * value (that object wins when a converted Lead shares it), else the Lead that has it, else creates a record of the
 * sync's object, or a Lead when the sync says so. Each object's records go in one sObject Collections call.
 */
public final class MultiObjectRun {
    private final PreparedSync primary;
    private final PreparedSync lead;
    private final SalesforceClient client;
    private final Consumer<List<RowOutcome>> settle;
    private final RecordFinder finder;
    private final RestCollectionsWriter writer;
    private java.util.function.BooleanSupplier cancelled = () -> false;
    private boolean heldBack;

    public MultiObjectRun(PreparedSync primary, PreparedSync lead, SalesforceClient client, Consumer<List<RowOutcome>> settle) {
        this.primary = primary;
        this.lead = lead;
        this.client = client;
        this.settle = settle;
        this.finder = new RecordFinder(client);
        this.writer = new RestCollectionsWriter(client, Planner.QUERY_CHUNK);
    }

    /**
     * Once this says the run was cancelled, no further write call is made (checked before each chunk's lookups and
     * before each of its Collections calls, as the single-object runner does): rows sent keep their outcomes, the rest
     * get none and stay pending for the next run.
     */
    public MultiObjectRun cancelWhen(java.util.function.BooleanSupplier requested) {
        this.cancelled = requested;
        return this;
    }

    /** True when the run was cancelled before every change was sent. */
    public boolean heldBackForCancel() {
        return heldBack;
    }

    private boolean cancelNow() {
        if (!heldBack && cancelled.getAsBoolean()) {
            heldBack = true;
        }
        return heldBack;
    }

    /** @return why the run stopped early, or null */
    public String run(ChangeSet changes) {
        RowPlanner primaryRows = new RowPlanner(primary);
        RowPlanner leadRows = new RowPlanner(lead);
        List<Routed> chunk = new ArrayList<>();
        try (Stream<Change> stream = changes.changes()) {
            for (Change change : (Iterable<Change>) stream::iterator) {
                if (change.kind() == ChangeKind.REMOVED) {
                    settle.accept(List.of(new RowOutcome.Unchanged(change.key())));
                    continue;
                }
                chunk.add(new Routed(primaryRows.decide(change), leadRows.decide(change)));
                if (chunk.size() == Planner.QUERY_CHUNK) {
                    if (cancelNow()) {
                        return null;
                    }
                    settle.accept(write(chunk));
                    chunk.clear();
                    if (heldBack) {
                        return null;
                    }
                }
            }
            if (!chunk.isEmpty() && !cancelNow()) {
                settle.accept(write(chunk));
            }
        } catch (SalesforceException e) {
            if (ChunkWriter.endsRun(e)) {
                return e.getMessage();
            }
            throw e;
        }
        return null;
    }

    /** A row as each object would take it. */
    private record Routed(RowPlan asPrimary, RowPlan asLead) {
    }

    private record Target(RowPlan.Write plan, Map<String, Object> record) {
    }

    private List<RowOutcome> write(List<Routed> rows) {
        List<RowOutcome> outcomes = new ArrayList<>();
        List<String> values = rows.stream().map(r -> r.asPrimary() instanceof RowPlan.Write w ? w.matchValue()
                : r.asLead() instanceof RowPlan.Write w ? w.matchValue() : null).filter(v -> v != null).toList();
        if (values.isEmpty()) {
            rows.forEach(r -> outcomes.add(((RowPlan.Settled) r.asPrimary()).outcome()));
            return outcomes;
        }
        String primaryField = primary.field(primary.definition().match().orElseThrow().field()).name();
        String leadField = lead.field(lead.definition().match().orElseThrow().field()).name();
        Map<String, String> primaryIds = finder.find(primary.object().name(), primaryField, values);
        Map<String, String> leadIds = finder.find(lead.object().name(), leadField, values);
        List<Target> primaryUpdates = new ArrayList<>();
        List<Target> leadUpdates = new ArrayList<>();
        List<Target> creates = new ArrayList<>();
        boolean createLeads = primary.definition().options().orLead().orElseThrow().createLeads();
        for (Routed row : rows) {
            String value = row.asPrimary() instanceof RowPlan.Write w ? w.matchValue() : row.asLead() instanceof RowPlan.Write w ? w.matchValue() : null;
            String primaryId = value == null ? null : primaryIds.get(value);
            String leadId = value == null ? null : leadIds.get(value);
            RowPlan chosen = primaryId != null ? row.asPrimary() : leadId != null ? row.asLead() : createLeads ? row.asLead() : row.asPrimary();
            if (chosen instanceof RowPlan.Settled settled) {
                outcomes.add(settled.outcome());
                continue;
            }
            RowPlan.Write write = (RowPlan.Write) chosen;
            Map<String, Object> record = new LinkedHashMap<>(write.fields());
            if (primaryId != null || leadId != null) {
                record.put("Id", primaryId != null ? primaryId : leadId);
                (primaryId != null ? primaryUpdates : leadUpdates).add(new Target(write, record));
            } else if (primary.definition().mode() == SyncMode.UPDATE) {
                outcomes.add(new RowOutcome.Failed(write.key(), RowError.of(Errors.RECORD_NOT_FOUND, "No " + primary.object().name() + " has "
                        + primaryField + " = '" + value + "' and no Lead has " + leadField + " = '" + value + "'", primaryField), 0));
            } else {
                record.put(createLeads ? leadField : primaryField, value);
                creates.add(new Target(write, record));
            }
        }
        send(primary.object().name(), Operation.UPDATE, primaryUpdates, outcomes);
        send(lead.object().name(), Operation.UPDATE, leadUpdates, outcomes);
        send(createLeads ? lead.object().name() : primary.object().name(), Operation.INSERT, creates, outcomes);
        return outcomes;
    }

    private void send(String object, Operation operation, List<Target> targets, List<RowOutcome> outcomes) {
        if (targets.isEmpty() || cancelNow()) {
            return;
        }
        List<WriteResult> results;
        try {
            results = writer.write(new WriteBatch(object, operation, null, targets.stream().map(Target::record).toList()));
        } catch (SalesforceException e) {
            if (ChunkWriter.endsRun(e)) {
                throw e;
            }
            RowError error = Errors.row(e);
            targets.forEach(t -> outcomes.add(new RowOutcome.Failed(t.plan().key(), error, 1)));
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            WriteResult result = results.get(i);
            RowPlan.Write plan = targets.get(i).plan();
            outcomes.add(!result.success() ? new RowOutcome.Failed(plan.key(), result.error(), 1)
                    : operation == Operation.INSERT ? new RowOutcome.Created(plan.key(), result.id()) : new RowOutcome.Updated(plan.key(), result.id()));
        }
    }
}

package dev.sfsync.engine.run;

import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.plan.MergeGroups;
import dev.sfsync.engine.plan.PreparedSync;
import dev.sfsync.engine.sync.MergeSpec;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.soap.MergeResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The merge phase of a merge sync. While the run writes rows, the outcomes of the children it wrote are held back;
 * when the writes are done, each group's children are merged into its parent's record, a master and up to two records
 * per call (Salesforce's limit), in successive calls for larger groups. A merged child ends {@code merged}, one whose
 * merge failed ends failed with Salesforce's error (and is written and merged again next run). Runs on the run's
 * thread, as settling must.
 */
public final class MergeRun {
    private final PreparedSync sync;
    private final SalesforceClient client;
    private final Consumer<List<RowOutcome>> settle;
    private final MergeGroups groups;
    private final Map<String, List<Held>> held = new LinkedHashMap<>();
    private final Map<String, String> parentIds = new HashMap<>();
    private final Map<String, RowError> parentErrors = new HashMap<>();

    private record Held(RowKey key, String recordId) {
    }

    private MergeRun(PreparedSync sync, SalesforceClient client, Consumer<List<RowOutcome>> settle) {
        this.sync = sync;
        this.client = client;
        this.settle = settle;
        this.groups = sync.merge();
    }

    public static MergeRun of(PreparedSync sync, SalesforceClient client, Consumer<List<RowOutcome>> settle) {
        return new MergeRun(sync, client, settle);
    }

    /** What the run settles through: every outcome but the written children's, which wait for their merge. */
    public Consumer<List<RowOutcome>> settle() {
        if (groups == null) {
            return settle;
        }
        return outcomes -> {
            List<RowOutcome> now = new ArrayList<>(outcomes.size());
            for (RowOutcome outcome : outcomes) {
                MergeGroups.Member member = groups.member(outcome.key()).orElse(null);
                boolean written = outcome instanceof RowOutcome.Created || outcome instanceof RowOutcome.Updated;
                if (member != null && member.child() && written && outcome.recordId() != null) {
                    held.computeIfAbsent(member.sharedId(), k -> new ArrayList<>()).add(new Held(outcome.key(), outcome.recordId()));
                    continue;
                }
                if (member != null && !member.child()) {
                    if (outcome.recordId() != null && outcome.succeeded()) {
                        parentIds.put(member.sharedId(), outcome.recordId());
                    } else if (outcome.error() != null) {
                        parentErrors.put(member.sharedId(), outcome.error());
                    }
                }
                now.add(outcome);
            }
            if (!now.isEmpty()) {
                settle.accept(now);
            }
        };
    }

    /** Merges every held child into its parent; when the run stopped early ({@code stopped}), settles them unmerged instead. */
    public void finish(String stopped) {
        if (groups == null || held.isEmpty()) {
            return;
        }
        List<RowOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, List<Held>> group : held.entrySet()) {
            if (stopped != null) {
                RowError notMerged = RowError.of(Errors.NOT_SENT, "written but not merged: the run stopped (" + stopped + ")");
                group.getValue().forEach(h -> outcomes.add(new RowOutcome.Failed(h.key(), notMerged, 0)));
                continue;
            }
            outcomes.addAll(merge(group.getKey(), group.getValue()));
        }
        settle.accept(outcomes);
    }

    private List<RowOutcome> merge(String sharedId, List<Held> children) {
        List<RowOutcome> outcomes = new ArrayList<>();
        RowError parentError = parentErrors.get(sharedId);
        String parentId = parentError != null ? null : parentIds.computeIfAbsent(sharedId, this::findParent);
        if (parentId == null) {
            MergeGroups.Member parent = groups.parent(sharedId).orElseThrow();
            RowError error = RowError.of(parentError != null ? parentError.code() : Errors.RECORD_NOT_FOUND, "not merged: the group's parent row "
                    + parent.key() + (parentError != null ? " failed (" + parentError.message() + ")" : " has no record in Salesforce")
                    + "; the children are merged once it has one");
            children.forEach(h -> outcomes.add(new RowOutcome.Failed(h.key(), error, 1)));
            return outcomes;
        }
        for (int from = 0; from < children.size(); from += MergeSpec.RECORDS_PER_CALL) {
            List<Held> call = children.subList(from, Math.min(children.size(), from + MergeSpec.RECORDS_PER_CALL));
            try {
                MergeResult result = client.partner().merge(sync.object().name(), parentId, call.stream().map(Held::recordId).toList());
                if (result.success()) {
                    call.forEach(h -> outcomes.add(new RowOutcome.Merged(h.key(), parentId)));
                } else {
                    RowError error = explained(result.firstError(), parentId);
                    call.forEach(h -> outcomes.add(new RowOutcome.Failed(h.key(), error, 1)));
                }
            } catch (SalesforceException e) {
                RowError error = explained(e.errors().getFirst(), parentId);
                call.forEach(h -> outcomes.add(new RowOutcome.Failed(h.key(), error, 1)));
            }
        }
        return outcomes;
    }

    /** The parent's record when the run did not write the parent row (it did not change): found by its match value. */
    private String findParent(String sharedId) {
        MergeGroups.Member parent = groups.parent(sharedId).orElse(null);
        if (parent == null || parent.matchValue() == null || sync.definition().match().isEmpty()) {
            return null;
        }
        String field = sync.field(sync.definition().match().get().field()).name();
        return new RecordFinder(client).find(sync.object().name(), field, List.of(parent.matchValue())).get(parent.matchValue());
    }

    /** Salesforce's error with what it means for a merge, and the fix. */
    private RowError explained(SalesforceError error, String parentId) {
        String hint = switch (error.code()) {
            case "CANNOT_UPDATE_CONVERTED_LEAD" -> " (a converted lead cannot be merged. Fix: filter converted leads out of the model"
                    + " (Lead.IsConverted), or merge the Contacts they were converted into)";
            case "ENTITY_IS_DELETED" -> " (one of the records was deleted, or merged by someone else, after this run wrote it. Fix: check"
                    + " the Recycle Bin; the next run writes the row again and merges it)";
            case "INSUFFICIENT_ACCESS_OR_READONLY" -> " (merging needs edit and delete access to the records and their related records."
                    + " Fix: give the connected user Edit and Delete on " + sync.object().name() + ", and access to the records (sharing)"
                    + " or Modify All)";
            default -> "";
        };
        return new RowError(error.code(), "merge into " + parentId + " failed: " + error.message() + hint, error.fields());
    }
}

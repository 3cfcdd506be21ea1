package dev.sfsync.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.engine.sync.MergeSpec;
import dev.sfsync.engine.sync.SyncMode;

import java.util.Optional;
import java.util.Set;

/** A sync's {@code merge:} section and the rules Salesforce's merge sets: object, mode and parallelism. */
final class MergeReader {
    private MergeReader() {
    }

    static Optional<MergeSpec> read(YamlFields fields, JsonNode def, String path) {
        JsonNode node = def.path("merge");
        String at = path + ".merge";
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            fields.problem(at, "must be a mapping", "write 'merge: {shared_id: <column>, is_child: <column>}' (or merge_id: <column>)");
            return Optional.empty();
        }
        fields.onlyKeys(node, at, Set.of("shared_id", "is_child", "merge_id"));
        Optional<String> shared = fields.text(node, "shared_id", at, "name the model column whose equal values make one group, e.g. shared_id: household_id");
        if (node.has("is_child") == node.has("merge_id")) {
            fields.problem(at, node.has("is_child") ? "has both is_child and merge_id" : "needs is_child or merge_id: which rows of a group are merged",
                    "keep one: 'is_child: <true/false column>', or 'merge_id: <column populated on the rows to merge>'");
            return Optional.empty();
        }
        boolean isChild = node.has("is_child");
        Optional<String> child = fields.text(node, isChild ? "is_child" : "merge_id", at, "name the model column");
        if (shared.isEmpty() || child.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MergeSpec(shared.get(), child.get(), isChild ? MergeSpec.ChildMarker.IS_CHILD : MergeSpec.ChildMarker.MERGE_ID));
    }

    /** @return the sync's parallelism: 1 when not given, as merges must run one at a time */
    static int check(YamlFields fields, JsonNode def, String path, SyncMode mode, String object, int parallelism) {
        if (mode != null && mode != SyncMode.INSERT && mode != SyncMode.UPSERT) {
            fields.problem(path + ".merge", "merging needs mode insert or upsert, not " + mode.configName(),
                    "use mode: upsert (the rows' records are written, then each group's children merged into its parent)");
        }
        if (object != null && MergeSpec.MERGEABLE.stream().noneMatch(o -> o.equalsIgnoreCase(object))) {
            fields.problem(path + ".merge", "Salesforce merges Account, Contact, Individual and Lead records only, not " + object,
                    "remove merge, or sync into one of those objects");
        }
        if (!def.has("parallelism")) {
            return 1;
        }
        if (parallelism != 1) {
            fields.problem(path + ".parallelism", "a merge sync must run with parallelism 1: merges running side by side lock the same "
                    + "parent records and related records (UNABLE_TO_LOCK_ROW), and a group's successive merges must run in order",
                    "set parallelism: 1, or remove it (merge syncs default to 1)");
        }
        return parallelism;
    }
}

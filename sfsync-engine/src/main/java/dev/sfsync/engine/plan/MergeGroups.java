package dev.sfsync.engine.plan;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.Row;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.engine.sync.MergeSpec;
import dev.sfsync.source.ModelReader;
import dev.sfsync.source.Source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The merge groups of a merge sync's whole model (not only its changed rows: a new child may join a group whose parent
 * did not change), read once per run. Holds the rows that have a shared id only; memory grows with those.
 */
public final class MergeGroups {
    /** A code of sfsync's own: the row's group has no parent row or more than one. */
    public static final String INVALID_GROUP = "MERGE_GROUP_INVALID";

    /**
     * A row of a group.
     *
     * @param matchValue the row's match column value, to find its record when the run did not write it
     */
    public record Member(RowKey key, String sharedId, boolean child, String matchValue) {
    }

    private final MergeSpec spec;
    private final Map<RowKey, Member> members;
    private final Map<String, List<Member>> groups;

    private MergeGroups(MergeSpec spec, Map<RowKey, Member> members) {
        this.spec = spec;
        this.members = members;
        this.groups = members.values().stream().collect(Collectors.groupingBy(Member::sharedId, LinkedHashMap::new, Collectors.toList()));
    }

    /** Reads the key, shared id, child marker and match value of every model row whose shared id is set. */
    public static MergeGroups read(Source source, Model model, MergeSpec spec, String matchColumn) {
        List<String> keys = model.keyColumns();
        String columns = keys.stream().map(MergeGroups::quote).collect(Collectors.joining(", ")) + ", " + quote(spec.sharedIdColumn()) + " AS _sfsync_shared, "
                + quote(spec.childColumn()) + " AS _sfsync_child" + (matchColumn == null ? "" : ", " + quote(matchColumn) + " AS _sfsync_match");
        Model groups = new Model(model.name(), "SELECT " + columns + " FROM (" + model.sql() + ") AS _sfsync_m WHERE "
                + quote(spec.sharedIdColumn()) + " IS NOT NULL", keys);
        Map<RowKey, Member> members = new LinkedHashMap<>();
        try (ModelReader rows = source.read(groups)) {
            while (rows.hasNext()) {
                Row row = rows.next();
                RowKey key = new RowKey(keys.stream().map(k -> String.valueOf(row.get(k))).toList());
                Object match = matchColumn == null ? null : row.get("_sfsync_match");
                members.put(key, new Member(key, row.get("_sfsync_shared").toString(), spec.marksChild(row.get("_sfsync_child")),
                        match == null ? null : match.toString()));
            }
        }
        return new MergeGroups(spec, members);
    }

    private static String quote(String column) {
        return '"' + column.replace("\"", "\"\"") + '"';
    }

    public MergeSpec spec() {
        return spec;
    }

    public Optional<Member> member(RowKey key) {
        return Optional.ofNullable(members.get(key));
    }

    /** The group's parent row, when it has exactly one. */
    public Optional<Member> parent(String sharedId) {
        List<Member> parents = groups.getOrDefault(sharedId, List.of()).stream().filter(m -> !m.child()).toList();
        return parents.size() == 1 ? Optional.of(parents.getFirst()) : Optional.empty();
    }

    /** Why the row's group cannot be merged (no parent row, or several), naming the group's rows; empty when it can. */
    public Optional<RowError> refusal(RowKey key) {
        Member member = members.get(key);
        if (member == null) {
            return Optional.empty();
        }
        List<Member> group = groups.get(member.sharedId());
        List<Member> parents = group.stream().filter(m -> !m.child()).toList();
        if (parents.size() == 1) {
            return Optional.empty();
        }
        return Optional.of(parents.isEmpty() ? noParent(member, group) : RowError.of(INVALID_GROUP, "merge group " + spec.sharedIdColumn() + " = '"
                + member.sharedId() + "' has " + parents.size() + " parent rows (" + keys(parents) + "): a group merges into one record, so none"
                + " of its rows " + keys(group) + " is sent. Fix: mark all but one of them as children (" + spec.childColumn() + ")"));
    }

    private RowError noParent(Member member, List<Member> group) {
        return RowError.of(INVALID_GROUP, "merge group " + spec.sharedIdColumn() + " = '" + member.sharedId() + "' has no parent row: all its rows "
                + keys(group) + " are children, so there is no record to merge them into; none is sent. Fix: make one row of the group"
                + " the parent (" + spec.childColumn() + " " + (spec.marker() == MergeSpec.ChildMarker.IS_CHILD ? "false" : "empty") + ")");
    }

    private static String keys(List<Member> rows) {
        List<String> keys = new ArrayList<>();
        rows.stream().limit(10).forEach(m -> keys.add(m.key().toString()));
        return "[" + String.join(", ", keys) + (rows.size() > 10 ? ", … " + (rows.size() - 10) + " more" : "") + "]";
    }
}

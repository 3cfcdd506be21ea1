package dev.sfsync.engine.plan;

import dev.sfsync.core.change.Change;
import dev.sfsync.core.change.SharedValue;
import dev.sfsync.core.model.Row;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.sync.DeleteBehaviour;
import dev.sfsync.engine.sync.FieldMapping;
import dev.sfsync.engine.sync.Lookup;
import dev.sfsync.engine.sync.Match;
import dev.sfsync.engine.sync.SyncDefinition;
import dev.sfsync.salesforce.describe.FieldDescribe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides each change's write from the sync's mode and delete behaviour, and validates the row's values against the
 * describe first: a row Salesforce would refuse is settled as rejected, with the code Salesforce would answer.
 * Pure: no I/O, so planning and running decide alike.
 */
public final class RowPlanner {
    /** Salesforce's code for an external id repeated within one call. */
    static final String DUPLICATE_EXTERNAL_ID = "DUPLICATE_EXTERNAL_ID";

    private final PreparedSync sync;
    private final SyncDefinition definition;

    public RowPlanner(PreparedSync sync) {
        this.sync = sync;
        this.definition = sync.definition();
    }

    public RowPlan decide(Change change) {
        return switch (change.kind()) {
            case ADDED, CHANGED -> present(change);
            case REMOVED -> removed(change);
        };
    }

    private RowPlan present(Change change) {
        if (sync.merge() != null) {
            Optional<RowError> refused = sync.merge().refusal(change.key());
            if (refused.isPresent()) {
                return reject(change, refused.get());
            }
            // A child synced before was merged then: its record is gone, and writing it again would create a new one.
            if (change.recordId() != null && sync.merge().member(change.key()).map(MergeGroups.Member::child).orElse(false)) {
                return new RowPlan.Settled(new RowOutcome.Unchanged(change.key()));
            }
        }
        return switch (definition.mode()) {
            // A changed row was synced before: created then, or recorded by a baseline (which knows no record Id).
            case INSERT -> (change.recordId() != null || change.kind() == dev.sfsync.core.change.ChangeKind.CHANGED) && !sync.fullResync()
                    ? new RowPlan.Settled(new RowOutcome.Unchanged(change.key()))
                    : write(change, WriteKind.CREATE);
            case UPDATE -> write(change, WriteKind.UPDATE);
            case UPSERT -> write(change, WriteKind.UPSERT);
            case ARCHIVE -> archive(change);
            case ALL -> throw new IllegalStateException("picklist value syncs are not planned row by row");
        };
    }

    private RowPlan removed(Change change) {
        DeleteBehaviour behaviour = definition.onDelete();
        if (behaviour == DeleteBehaviour.NOTHING) {
            return new RowPlan.Settled(new RowOutcome.Unchanged(change.key()));
        }
        // A removed row has no values left; its record is found by the Id the snapshot kept, or by its key when the key is the match.
        String matchValue = change.recordId() == null ? keyAsMatchValue(change) : null;
        String recordId = change.recordId();
        if (recordId == null && matchValue == null) {
            return new RowPlan.Settled(new RowOutcome.Unchanged(change.key()));
        }
        if (definition.match().map(Match::bySalesforceId).orElse(false) && matchValue != null) {
            recordId = matchValue;
            matchValue = null;
        }
        if (behaviour == DeleteBehaviour.DELETE) {
            return new RowPlan.Write(change.key(), WriteKind.DELETE, Map.of(), recordId, matchValue, Map.of());
        }
        Map<String, Object> cleared = new LinkedHashMap<>();
        for (String field : sync.mappedFields()) {
            FieldDescribe describe = sync.field(field);
            if (describe.updateable() && describe.nillable() && !"boolean".equals(describe.type())) {
                cleared.put(describe.name(), null);
            }
        }
        return new RowPlan.Write(change.key(), WriteKind.CLEAR, cleared, recordId, matchValue, Map.of());
    }

    private RowPlan archive(Change change) {
        Match match = definition.match().orElseThrow();
        Object value = change.row().get(match.column());
        if (value == null || value.toString().isBlank()) {
            return reject(change, missingMatch(match));
        }
        Optional<RowError> shared = sharedMatchValue(change);
        if (shared.isPresent()) {
            return reject(change, shared.get());
        }
        String text = value.toString();
        return match.bySalesforceId()
                ? new RowPlan.Write(change.key(), WriteKind.DELETE, Map.of(), text, null, Map.of())
                : new RowPlan.Write(change.key(), WriteKind.DELETE, Map.of(), change.recordId(), text, Map.of());
    }

    private RowPlan write(Change change, WriteKind kind) {
        // Salesforce refuses repeated external ids across a whole call before it looks at any record, so this goes first.
        Optional<RowError> shared = sharedMatchValue(change);
        if (shared.isPresent()) {
            return reject(change, shared.get());
        }
        Row row = change.row();
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, String> lookups = new LinkedHashMap<>();
        try {
            for (FieldMapping mapping : definition.mappings()) {
                Object value = switch (mapping.source()) {
                    case FieldMapping.Column column -> row.get(column.name());
                    case FieldMapping.Constant constant -> constant.value();
                };
                FieldDescribe field = sync.field(mapping.field());
                if (mapping.skipNulls() && (value == null || value.toString().isEmpty())) {
                    continue;   // skip_nulls: the record keeps the value it has
                }
                fields.put(field.name(), WireValues.convert(field, value));
            }
            for (Lookup lookup : definition.lookups()) {
                FieldDescribe field = sync.field(lookup.field());
                Object value = row.get(lookup.column());
                if (value == null || value.toString().isBlank()) {
                    fields.put(field.name(), WireValues.convert(field, null));
                } else {
                    lookups.put(field.name(), value.toString());
                }
            }
        } catch (WireValues.Refused refused) {
            return reject(change, refused.error);
        }
        Optional<RowError> recordType = recordType(row, fields, kind);
        if (recordType.isPresent()) {
            return reject(change, recordType.get());
        }
        Optional<Match> match = definition.match();
        String recordId = change.recordId();
        String matchValue = null;
        if (match.isPresent()) {
            Object value = row.get(match.get().column());
            if (value == null || value.toString().isBlank()) {
                return reject(change, missingMatch(match.get()));
            }
            if (match.get().bySalesforceId()) {
                recordId = value.toString();
            } else {
                FieldDescribe field = sync.field(match.get().field());
                try {
                    matchValue = (String) WireValues.convert(field, value.toString());
                } catch (WireValues.Refused refused) {
                    return reject(change, refused.error);
                }
            }
        }
        if (kind == WriteKind.CREATE) {
            List<String> missing = sync.object().fields().stream()
                    .filter(f -> f.requiredOnCreate() && !fields.containsKey(f.name()) && !lookups.containsKey(f.name()))
                    .map(FieldDescribe::name).toList();
            if (!missing.isEmpty()) {
                return reject(change, new RowError("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing));
            }
        }
        return new RowPlan.Write(change.key(), kind, fields, recordId, matchValue, lookups);
    }

    /**
     * Sets RecordTypeId from the sync's record type; refuses a name the run cannot use, and a record to create without
     * one when the user's profile has no default record type (Salesforce answers INVALID_FIELD_FOR_INSERT_UPDATE).
     */
    private Optional<RowError> recordType(Row row, Map<String, Object> fields, WriteKind kind) {
        RecordTypeIds types = sync.recordTypes();
        String name = switch (definition.options().recordType().orElse(null)) {
            case null -> null;
            case dev.sfsync.engine.sync.RecordTypeChoice.Named named -> named.developerName();
            case dev.sfsync.engine.sync.RecordTypeChoice.FromColumn column -> {
                Object value = row.get(column.column());
                yield value == null || value.toString().isBlank() ? null : value.toString();
            }
        };
        if (name != null) {
            Optional<String> id = types.id(name);
            if (id.isEmpty()) {
                return Optional.of(RowError.of("INVALID_CROSS_REFERENCE_KEY", "Record Type ID: no active " + sync.object().name()
                        + " record type named '" + name + "' is assigned to the connected user's profile ("
                        + (types.names().isEmpty() ? "none is" : "assigned: " + String.join(", ", types.names())) + ")", "RecordTypeId"));
            }
            fields.put("RecordTypeId", id.get());
            return Optional.empty();
        }
        if (kind == WriteKind.CREATE && !types.hasDefault() && !fields.containsKey("RecordTypeId")) {
            return Optional.of(RowError.of("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: RecordTypeId. The connected user's "
                    + "profile has no default " + sync.object().name() + " record type, so a record created without one is refused."
                    + " Fix: assign a default record type to the profile, or set record_type in the sync", "RecordTypeId"));
        }
        return Optional.empty();
    }

    private String keyAsMatchValue(Change change) {
        Optional<Match> match = definition.match();
        List<String> keyColumns = sync.model().keyColumns();
        if (match.isEmpty() || keyColumns.size() != 1 || !keyColumns.getFirst().equalsIgnoreCase(match.get().column())) {
            return null;
        }
        return change.key().values().getFirst();
    }

    /**
     * Refuses a row whose external id other rows of the model hold too, compared as the field compares (ignoring case
     * unless the describe says it is case-sensitive): sent together Salesforce refuses them all, sent apart the last
     * one silently overwrites the others.
     */
    private Optional<RowError> sharedMatchValue(Change change) {
        Optional<Match> match = definition.match().filter(m -> !m.bySalesforceId());
        Optional<SharedValue> shared = match.flatMap(m -> change.sharedValue(m.column()));
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        FieldDescribe field = sync.field(match.get().field());
        long rows = shared.get().rows(field.caseSensitive());
        if (rows < 2) {
            return Optional.empty();
        }
        String column = match.get().column();
        boolean caseVariants = !field.caseSensitive() && shared.get().rows() < rows;
        return Optional.of(RowError.of(DUPLICATE_EXTERNAL_ID, "Duplicate external id specified: " + change.row().get(column) + " (" + field.name()
                + "): " + rows + " rows of the model have this value in column " + column
                + (caseVariants ? " when case is ignored, as " + field.name() + " compares values" : "")
                + "; rows sharing a match value would write the same record, so this row is not sent."
                + " Fix: make column " + column + " unique in the model, or dedupe its rows", field.name()));
    }

    private static RowError missingMatch(Match match) {
        return RowError.of("MISSING_ARGUMENT", match.field() + " not specified: column " + match.column() + " is empty", match.field());
    }

    private static RowPlan reject(Change change, RowError error) {
        return new RowPlan.Settled(new RowOutcome.RejectedLocally(change.key(), error));
    }
}

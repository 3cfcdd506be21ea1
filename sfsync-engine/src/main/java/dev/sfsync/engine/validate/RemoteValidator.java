package dev.sfsync.engine.validate;

import dev.sfsync.core.model.ColumnType;
import dev.sfsync.core.model.ModelColumn;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.engine.config.ConfigProblem;
import dev.sfsync.engine.config.NearestName;
import dev.sfsync.engine.config.ProblemLocator;
import dev.sfsync.engine.sync.DeleteBehaviour;
import dev.sfsync.engine.sync.FieldMapping;
import dev.sfsync.engine.sync.Lookup;
import dev.sfsync.engine.sync.Match;
import dev.sfsync.engine.sync.SyncDefinition;
import dev.sfsync.engine.sync.SyncMode;
import dev.sfsync.salesforce.describe.FieldDescribe;
import dev.sfsync.salesforce.describe.SObjectDescribe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a sync against the org's describe and the model's columns: the object and every field exist, can be written
 * in the sync's mode, take the model column's type; the match field can find records; lookups point at unique fields
 * of the right object. Every problem is collected, located in the project file, with a fix.
 */
public final class RemoteValidator {
    private final SyncDefinition sync;
    private final ModelSchema model;
    private final OrgSchema org;
    private final ProblemLocator at;
    private final String path;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private RemoteValidator(SyncDefinition sync, ModelSchema model, OrgSchema org, ProblemLocator at) {
        this.sync = sync;
        this.model = model;
        this.org = org;
        this.at = at;
        this.path = "syncs." + sync.name();
    }

    public static List<ConfigProblem> validate(SyncDefinition sync, ModelSchema model, OrgSchema org, ProblemLocator at) {
        RemoteValidator validator = new RemoteValidator(sync, model, org, at);
        validator.run();
        return List.copyOf(validator.problems);
    }

    private void run() {
        Optional<SObjectDescribe> found = org.describe(sync.object());
        if (found.isEmpty()) {
            problem(path + ".object", "the org has no object '" + sync.object() + "' (or the connected user cannot see it)",
                    NearestName.fix(sync.object(), org.objectNames(), "object"));
            return;
        }
        SObjectDescribe object = found.get();
        checkObject(object);
        sync.match().ifPresent(match -> checkMatch(object, match));
        Set<String> mapped = new HashSet<>();
        for (int i = 0; i < sync.mappings().size(); i++) {
            FieldMapping mapping = sync.mappings().get(i);
            mapped.add(mapping.field().toLowerCase(Locale.ROOT));
            checkMapping(object, mapping, path + ".mappings[" + i + "]");
        }
        for (int i = 0; i < sync.lookups().size(); i++) {
            Lookup lookup = sync.lookups().get(i);
            mapped.add(lookup.field().toLowerCase(Locale.ROOT));
            checkLookup(object, lookup, path + ".lookups[" + i + "]");
        }
        checkRequired(object, mapped);
    }

    private void checkObject(SObjectDescribe object) {
        boolean creates = sync.mode() == SyncMode.INSERT || sync.mode() == SyncMode.UPSERT;
        boolean updates = sync.mode() == SyncMode.UPDATE || sync.mode() == SyncMode.UPSERT || sync.onDelete() == DeleteBehaviour.CLEAR_FIELDS;
        boolean deletes = sync.mode() == SyncMode.ARCHIVE || sync.onDelete() == DeleteBehaviour.DELETE;
        String fix = "give the connected user's profile or a permission set that permission on " + object.name();
        if (creates && !object.createable()) {
            problem(path + ".object", "the connected user cannot create " + object.name() + " records", fix);
        }
        if (updates && !object.updateable()) {
            problem(path + ".object", "the connected user cannot edit " + object.name() + " records", fix);
        }
        if (deletes && !object.deletable()) {
            problem(sync.mode() == SyncMode.ARCHIVE ? path + ".mode" : path + ".on_delete",
                    "the connected user cannot delete " + object.name() + " records", fix);
        }
    }

    private void checkMatch(SObjectDescribe object, Match match) {
        String matchPath = path + ".match";
        column(match.column(), matchPath + ".column");
        if (match.bySalesforceId()) {
            return;
        }
        Optional<FieldDescribe> field = field(object, match.field(), matchPath + ".field");
        if (field.isEmpty()) {
            return;
        }
        FieldDescribe f = field.get();
        List<String> externalIds = object.externalIdFields().stream().map(FieldDescribe::name).toList();
        String candidates = externalIds.isEmpty() ? object.name() + " has no external ID field yet" : "its external ID fields: "
                + String.join(", ", externalIds);
        if (sync.mode() == SyncMode.UPSERT && !f.externalId()) {
            problem(matchPath + ".field", f.name() + " is not an external ID field, and Salesforce's upsert matches only on external IDs",
                    "mark the field External ID (and Unique) in Setup, or match on another field (" + candidates + ")");
        } else if (sync.mode() == SyncMode.INSERT && !f.externalId()) {
            problem(matchPath + ".field", f.name() + " is not an external ID field: an insert's idempotency key must be one, so that"
                            + " sfsync can find the records a crashed run created (an indexed lookup)",
                    "create a text field marked External ID and Unique (e.g. Sfsync_Key__c), or use one of " + candidates);
        } else if (!f.externalId() && !f.unique()) {
            problem(matchPath + ".field", f.name() + " is neither an external ID nor unique, so one row could match several records",
                    "mark the field Unique and External ID in Setup, or match on another field (" + candidates + ")");
        } else if (f.externalId() && !f.unique() && sync.mode() == SyncMode.UPSERT) {
            problem(matchPath + ".field", f.name() + " is an external ID but not unique: Salesforce refuses an upsert whose value matches "
                    + "several records (DUPLICATE_EXTERNAL_ID)", "mark the field Unique in Setup");
        }
        if ((sync.mode() == SyncMode.UPSERT || sync.mode() == SyncMode.INSERT) && !f.createable()) {
            problem(matchPath + ".field", f.name() + " cannot be set on create, so " + sync.mode().configName() + " could not create records",
                    "give the connected user edit access to " + f.name() + " (field-level security)");
        }
    }

    private void checkMapping(SObjectDescribe object, FieldMapping mapping, String itemPath) {
        Optional<ModelColumn> column = mapping.source() instanceof FieldMapping.Column c ? column(c.name(), itemPath + ".from") : Optional.empty();
        Optional<FieldDescribe> field = field(object, mapping.field(), itemPath + ".to");
        if (field.isEmpty()) {
            return;
        }
        checkWritable(field.get(), itemPath + ".to");
        if (column.isPresent() && !FieldTypes.accepts(field.get(), column.get().type())) {
            problem(itemPath + ".from", "column " + column.get().name() + " is " + column.get().sqlType() + " but " + field.get().name()
                    + " is a " + field.get().type() + " field", FieldTypes.castFix(field.get(), column.get().name()));
        }
    }

    private void checkWritable(FieldDescribe field, String fieldPath) {
        String readOnly = FieldTypes.whyReadOnly(field);
        if (readOnly != null) {
            problem(fieldPath, field.name() + " " + readOnly + "; it cannot be written",
                    "remove this mapping, or sync into an editable custom field and copy it with a flow");
            return;
        }
        switch (sync.mode()) {
            case INSERT -> {
                if (!field.createable()) {
                    problem(fieldPath, field.name() + " cannot be set when a record is created", "remove this mapping, or use mode: update");
                }
            }
            case UPDATE -> {
                if (!field.updateable()) {
                    problem(fieldPath, field.name() + " can be set on create only, and update mode never creates",
                            "remove this mapping, or use mode: upsert (which sends it when it creates a record)");
                }
            }
            case UPSERT -> {
                if (!field.createable()) {
                    problem(fieldPath, field.name() + " can be updated but not set on create, so rows that create records would fail",
                            "remove this mapping, or use mode: update");
                }
            }
            case ARCHIVE -> { }
        }
    }

    private void checkLookup(SObjectDescribe object, Lookup lookup, String itemPath) {
        column(lookup.column(), itemPath + ".column");
        Optional<FieldDescribe> reference = field(object, lookup.field(), itemPath + ".to");
        if (reference.isPresent()) {
            FieldDescribe ref = reference.get();
            if (!"reference".equals(ref.type())) {
                problem(itemPath + ".to", ref.name() + " is a " + ref.type() + " field, not a lookup (reference) field",
                        "name a lookup field, e.g. AccountId, or map the value with 'mappings'");
            } else if (ref.referenceTo().stream().noneMatch(o -> o.equalsIgnoreCase(lookup.object()))) {
                problem(itemPath + ".object", ref.name() + " refers to " + String.join(" or ", ref.referenceTo()) + ", not " + lookup.object(),
                        "set object: " + ref.referenceTo().getFirst());
            }
            checkWritable(ref, itemPath + ".to");
        }
        Optional<SObjectDescribe> target = org.describe(lookup.object());
        if (target.isEmpty()) {
            problem(itemPath + ".object", "the org has no object '" + lookup.object() + "'", NearestName.fix(lookup.object(), org.objectNames(), "object"));
            return;
        }
        if (lookup.matchField().equalsIgnoreCase("Id")) {
            return;
        }
        field(target.get(), lookup.matchField(), itemPath + ".field").ifPresent(f -> {
            if (!f.externalId() && !f.unique()) {
                problem(itemPath + ".field", lookup.object() + "." + f.name() + " is neither unique nor an external ID, so a value could find "
                        + "several records", "look up by a unique or external ID field (e.g. the field another sync matches on)");
            }
        });
    }

    private void checkRequired(SObjectDescribe object, Set<String> mapped) {
        if (sync.mode() != SyncMode.INSERT && sync.mode() != SyncMode.UPSERT) {
            return;
        }
        Set<String> sent = new HashSet<>(mapped);
        sync.match().ifPresent(m -> sent.add(m.field().toLowerCase(Locale.ROOT)));
        for (FieldDescribe field : object.fields()) {
            if (field.requiredOnCreate() && !sent.contains(field.name().toLowerCase(Locale.ROOT))) {
                problem(path + ".mappings", field.name() + " is required to create a " + object.name() + " but no mapping sets it",
                        "add '- {from: <column>, to: " + field.name() + "}'");
            }
        }
    }

    private Optional<FieldDescribe> field(SObjectDescribe object, String name, String fieldPath) {
        Optional<FieldDescribe> field = object.field(name);
        if (field.isEmpty()) {
            problem(fieldPath, object.name() + " has no field '" + name + "' (or the connected user cannot see it)",
                    NearestName.fix(name, object.fields().stream().map(FieldDescribe::name).toList(), "field"));
        }
        return field;
    }

    private Optional<ModelColumn> column(String name, String columnPath) {
        Optional<ModelColumn> column = model.column(name);
        if (column.isEmpty()) {
            problem(columnPath, "model '" + sync.model() + "' has no column '" + name + "'", NearestName.fix(name, model.names(), "column"));
        } else if (column.get().type() == ColumnType.LIST && !columnPath.endsWith(".from")) {
            problem(columnPath, "column " + name + " holds lists; a key must be a single value", "select a single value for it in the model");
        }
        return column;
    }

    private void problem(String at, String message, String fix) {
        problems.add(this.at.problem(at, message, fix));
    }
}

package dev.sfsync.emulator.tooling;

import dev.sfsync.emulator.metadata.CustomFieldView;
import dev.sfsync.emulator.org.BuiltInObjects;
import dev.sfsync.emulator.org.EntityDefinitions;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.OrgDefinition;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.StoredRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Tooling API's CustomField records, derived from the live schema of the data org: one per custom field, with a
 * stable 00N id per field. They live in a small org of their own, so the emulator's SOQL engine queries them like any
 * object; {@link #refresh()} rebuilds them from the schema before each use.
 */
final class CustomFieldRecords {
    static final String OBJECT = "CustomField";
    private static final String FIELD_KEY_PREFIX = "00N";
    private static final String OBJECT_KEY_PREFIX = "01I";

    /** When and by whom a field first became known; its tooling id stays the same for the emulator's life. */
    private record Identity(String id, Instant createdDate, String createdById) {
    }

    private final Org org;
    private final Map<String, Identity> fields = new ConcurrentHashMap<>();
    private final Map<String, Identity> customObjects = new ConcurrentHashMap<>();
    private Org tooling;
    private OrgDefinition toolingOf;

    CustomFieldRecords(Org org) {
        this.org = org;
    }

    /**
     * The org to plan tooling queries in, with the data org's users (for CreatedBy); built again when an org file is
     * loaded. Callers hold this object's lock from here to the end of the query.
     */
    synchronized Org toolingOrg() {
        OrgDefinition data = org.definition();
        if (toolingOf != data) {
            List<ObjectSchema> objects = List.of(BuiltInObjects.all().stream().filter(o -> o.name().equals("User")).findFirst().orElseThrow(), schema(),
                    EntityDefinitions.schema());
            tooling = new Org(data.withObjects(objects), org.clock());
            EntityDefinitions.describe(org, tooling.store(EntityDefinitions.OBJECT).orElseThrow());
            toolingOf = data;
        }
        return tooling;
    }

    /** Rebuilds the CustomField records from the data org's current schema. */
    synchronized void refresh() {
        RecordStore store = toolingOrg().store(OBJECT).orElseThrow();
        store.clear();
        for (ObjectSchema object : org.schemas()) {
            for (FieldSchema field : object.fields()) {
                if (field.custom() && !object.platformEvent()) {
                    store.put(record(object, field, store.schema()));
                }
            }
        }
    }

    /** The tooling id of a field the caller just created (so create and later queries agree), or of any field. */
    String idOf(ObjectSchema object, FieldSchema field) {
        return identity(object, field).id();
    }

    /** The field behind a tooling id, if it still exists. */
    Optional<Map.Entry<ObjectSchema, FieldSchema>> byId(String id) {
        for (Map.Entry<String, Identity> entry : fields.entrySet()) {
            if (entry.getValue().id().equals(id)) {
                String[] name = entry.getKey().split("\\.", 2);
                Optional<ObjectSchema> object = org.schema(name[0]);
                Optional<FieldSchema> field = object.flatMap(o -> o.field(name[1]));
                if (field.isPresent()) {
                    return Optional.of(Map.entry(object.get(), field.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** A record with every CustomField column, Metadata and FullName included (GET by id returns them all). */
    Map<String, Object> full(ObjectSchema object, FieldSchema field) {
        StoredRecord record = record(object, field, toolingOrg().store(OBJECT).orElseThrow().schema());
        return new LinkedHashMap<>(record.values());
    }

    private StoredRecord record(ObjectSchema object, FieldSchema field, ObjectSchema schema) {
        Identity identity = identity(object, field);
        boolean text = field.type() == FieldType.STRING || field.type() == FieldType.TEXTAREA;
        Map<String, Object> metadata = CustomFieldView.of(object, field);
        metadata.remove("fullName");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Id", identity.id());
        values.put("DeveloperName", field.name().substring(0, field.name().length() - 3));
        values.put("TableEnumOrId", tableEnumOrId(object));
        values.put("EntityDefinitionId", tableEnumOrId(object));
        values.put("NamespacePrefix", null);
        values.put("ManageableState", "unmanaged");
        values.put("FullName", object.name() + "." + field.name());
        values.put("Metadata", metadata);
        values.put("Description", null);
        values.put("InlineHelpText", null);
        values.put("Length", text ? java.math.BigDecimal.valueOf(field.length()) : null);
        values.put("Precision", field.type().isNumber() ? java.math.BigDecimal.valueOf(field.precision()) : null);
        values.put("Scale", field.type().isNumber() ? java.math.BigDecimal.valueOf(field.scale()) : null);
        values.put("CreatedDate", identity.createdDate());
        values.put("CreatedById", identity.createdById());
        values.put("LastModifiedDate", identity.createdDate());
        values.put("LastModifiedById", identity.createdById());
        return new StoredRecord(identity.id(), schema, values);
    }

    /** Standard objects go by name, custom objects by their (here: synthetic, stable) 01I id, as in Salesforce. */
    private String tableEnumOrId(ObjectSchema object) {
        if (!object.custom()) {
            return object.name();
        }
        return customObjects.computeIfAbsent(object.name().toLowerCase(Locale.ROOT),
                k -> new Identity(org.ids().next(OBJECT_KEY_PREFIX), org.clock().instant(), org.defaultUser().id())).id();
    }

    private Identity identity(ObjectSchema object, FieldSchema field) {
        return fields.computeIfAbsent((object.name() + "." + field.name()).toLowerCase(Locale.ROOT),
                k -> new Identity(org.ids().next(FIELD_KEY_PREFIX), org.clock().instant(), org.defaultUser().id()));
    }

    private static ObjectSchema schema() {
        List<FieldSchema> f = new ArrayList<>();
        f.add(FieldSchema.builder("Id", FieldType.ID).readOnly().nillable(false).build());
        for (String name : List.of("DeveloperName", "TableEnumOrId", "EntityDefinitionId", "NamespacePrefix", "ManageableState",
                "FullName", "Metadata", "Description", "InlineHelpText")) {
            f.add(FieldSchema.builder(name, FieldType.STRING).readOnly().build());
        }
        for (String name : List.of("Length", "Precision", "Scale")) {
            f.add(FieldSchema.builder(name, FieldType.INT).readOnly().build());
        }
        f.add(FieldSchema.builder("CreatedDate", FieldType.DATETIME).readOnly().build());
        f.add(FieldSchema.builder("CreatedById", FieldType.REFERENCE).readOnly().references("User", "CreatedBy").build());
        f.add(FieldSchema.builder("LastModifiedDate", FieldType.DATETIME).readOnly().build());
        f.add(FieldSchema.builder("LastModifiedById", FieldType.REFERENCE).readOnly().references("User", "LastModifiedBy").build());
        return new ObjectSchema(OBJECT, "Custom Field", "Custom Fields", FIELD_KEY_PREFIX, false, f, List.of());
    }
}

package dev.sfsync.emulator.org;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.sfsync.emulator.org.FieldType.BOOLEAN;
import static dev.sfsync.emulator.org.FieldType.STRING;

/**
 * EntityDefinition, Salesforce's read-only catalogue of objects (queryable through REST query and Tooling): one record
 * per object of the live schema, with its names, key prefix and org-wide defaults. The records are derived, so they are
 * rebuilt from the schema and {@link OrgSharing} before each query ({@link #refresh(Org)}) and never written by clients.
 */
public final class EntityDefinitions {
    public static final String OBJECT = "EntityDefinition";
    /** Stores that describe another org than their own (the Tooling API's copy describes the data org). */
    private static final Map<RecordStore, Org> DESCRIBED = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private EntityDefinitions() {
    }

    public static ObjectSchema schema() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(false));
        f.add(FieldSchema.builder("QualifiedApiName", STRING).length(250).label("Qualified API Name").readOnly().build());
        f.add(FieldSchema.builder("DeveloperName", STRING).length(40).label("Developer Name").readOnly().build());
        f.add(FieldSchema.builder("MasterLabel", STRING).length(40).label("Master Label").readOnly().build());
        f.add(FieldSchema.builder("Label", STRING).length(40).readOnly().nameField().build());
        f.add(FieldSchema.builder("PluralLabel", STRING).length(40).label("Plural Label").readOnly().build());
        f.add(FieldSchema.builder("KeyPrefix", STRING).length(3).label("Key Prefix").readOnly().build());
        f.add(FieldSchema.builder("DurableId", STRING).length(70).label("Durable ID").readOnly().build());
        f.add(FieldSchema.builder("NamespacePrefix", STRING).length(15).label("Namespace Prefix").readOnly().build());
        // Salesforce's picklist values (Private, Read, ReadWrite, ControlledByParent ...) are SharingModel's names.
        f.add(FieldSchema.builder("InternalSharingModel", STRING).length(40).label("Internal Sharing Model").readOnly().build());
        f.add(FieldSchema.builder("ExternalSharingModel", STRING).length(40).label("External Sharing Model").readOnly().build());
        f.add(FieldSchema.builder("IsCustomSetting", BOOLEAN).label("Is Custom Setting").readOnly().build());
        f.add(FieldSchema.builder("IsQueryable", BOOLEAN).label("Is Queryable").readOnly().build());
        f.add(FieldSchema.builder("IsEverCreatable", BOOLEAN).label("Is Ever Creatable").readOnly().build());
        return new ObjectSchema(OBJECT, "Entity Definition", "Entity Definitions", "4ie", false, f, List.of());
    }

    /** Rebuilds the org's records from the schema and org-wide defaults they describe now, keeping each object's record id. */
    public static void refresh(Org org) {
        RecordStore store = org.store(OBJECT).orElseThrow();
        refresh(DESCRIBED.getOrDefault(store, org), store);
    }

    /** Makes {@code store} (in an org of its own, like the Tooling API's) describe {@code described}'s objects. */
    public static void describe(Org described, RecordStore store) {
        DESCRIBED.put(store, described);
    }

    /** Rebuilds {@code store} (the org's own, or the Tooling API's copy) from {@code org}'s schema and org-wide defaults. */
    public static void refresh(Org org, RecordStore store) {
        synchronized (store) {
            Map<String, StoredRecord> before = new HashMap<>();
            for (StoredRecord record : store.all()) {
                before.put(String.valueOf(record.values().get("QualifiedApiName")).toLowerCase(Locale.ROOT), record);
            }
            store.clear();
            for (ObjectSchema object : org.schemas()) {
                StoredRecord previous = before.get(object.name().toLowerCase(Locale.ROOT));
                String id = previous != null ? previous.id() : org.ids().next(store.schema().keyPrefix());
                String sharing = org.sharing().model(object.name()).name();
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("QualifiedApiName", object.name());
                values.put("DeveloperName", object.custom() ? object.name().substring(0, object.name().length() - 3) : object.name());
                values.put("MasterLabel", object.label());
                values.put("Label", object.label());
                values.put("PluralLabel", object.labelPlural());
                values.put("KeyPrefix", object.keyPrefix());
                values.put("DurableId", object.name());
                values.put("NamespacePrefix", null);
                values.put("InternalSharingModel", sharing);
                // The emulator has one org-wide default per object; Salesforce's external default is never wider.
                values.put("ExternalSharingModel", sharing);
                values.put("IsCustomSetting", false);
                values.put("IsQueryable", !object.platformEvent());
                values.put("IsEverCreatable", !object.name().equals(OBJECT) && !object.name().equals(StandardObjects.ORGANIZATION));
                store.put(new StoredRecord(id, store.schema(), SystemFields.stamp(values, id, org.defaultUser().id(), org.clock().instant(), true)));
            }
        }
    }
}

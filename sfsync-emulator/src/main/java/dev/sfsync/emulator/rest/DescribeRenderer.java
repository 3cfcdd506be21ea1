package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.org.Access;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;
import dev.sfsync.emulator.org.ObjectPermission;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.PicklistValue;
import dev.sfsync.emulator.org.Profile;
import dev.sfsync.emulator.org.RecordTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describe results as the REST API returns them, seen through the caller's profile: fields hidden by field-level
 * security are left out, read-only ones are reported neither createable nor updateable.
 */
public final class DescribeRenderer {
    private final ApiContext api;

    public DescribeRenderer(ApiContext api) {
        this.api = api;
    }

    /** One entry of describeGlobal (also the objectDescribe of the basic-info call). */
    public Map<String, Object> globalEntry(ObjectSchema schema) {
        Profile profile = api.profile();
        boolean system = schema.name().equals("User");
        boolean event = schema.platformEvent();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("activateable", false);
        o.put("associateEntityType", null);
        o.put("associateParentEntity", null);
        o.put("createable", !system && profile.can(schema.name(), ObjectPermission.CREATE));
        o.put("custom", schema.custom());
        o.put("customSetting", false);
        o.put("deepCloneable", false);
        o.put("deletable", !system && !event && profile.can(schema.name(), ObjectPermission.DELETE));
        o.put("deprecatedAndHidden", false);
        o.put("feedEnabled", !event);
        o.put("hasSubtypes", false);
        o.put("isInterface", false);
        o.put("isSubtype", false);
        o.put("keyPrefix", schema.keyPrefix());
        o.put("label", schema.label());
        o.put("labelPlural", schema.labelPlural());
        o.put("layoutable", !event);
        o.put("mergeable", List.of("Account", "Contact", "Lead", "Individual").contains(schema.name()));
        o.put("mruEnabled", !event);
        o.put("name", schema.name());
        o.put("queryable", !event && profile.can(schema.name(), ObjectPermission.READ));
        o.put("replicateable", !event);
        o.put("retrieveable", !event);
        o.put("searchable", !event);
        o.put("triggerable", true);
        o.put("undeletable", !event && !system);
        o.put("updateable", !system && !event && profile.can(schema.name(), ObjectPermission.EDIT));
        o.put("urls", urls(schema));
        return o;
    }

    public Map<String, Object> describe(ObjectSchema schema, Iterable<ObjectSchema> allObjects) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("actionOverrides", List.of());
        Map<String, Object> global = globalEntry(schema);
        o.putAll(global);
        o.put("childRelationships", childRelationships(schema, allObjects));
        o.put("compactLayoutable", !schema.platformEvent());
        o.put("defaultImplementation", null);
        o.put("extendedBy", null);
        o.put("extendsInterfaces", null);
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldSchema field : schema.fields()) {
            Access access = api.profile().fieldAccess(schema.name(), field.name());
            if (access.canRead()) {
                fields.add(field(field, access));
            }
        }
        o.put("fields", fields);
        o.put("implementedBy", null);
        o.put("implementsInterfaces", null);
        o.put("listviewable", null);
        o.put("lookupLayoutable", null);
        o.put("namedLayoutInfos", List.of());
        o.put("networkScopeFieldName", null);
        o.put("recordTypeInfos", recordTypeInfos(schema));
        o.put("searchLayoutable", !schema.platformEvent());
        o.put("sobjectDescribeOption", "FULL");
        o.put("supportedScopes", List.of(Map.of("label", "All " + schema.labelPlural(), "name", "everything")));
        return sorted(o);
    }

    private Map<String, Object> field(FieldSchema f, Access access) {
        boolean editable = access.canEdit();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("aggregatable", f.type() != FieldType.TEXTAREA && f.type() != FieldType.MULTIPICKLIST);
        d.put("aiPredictionField", false);
        d.put("autoNumber", f.autoNumber());
        d.put("byteLength", f.type().isText() || f.type() == FieldType.ID || f.type() == FieldType.REFERENCE ? f.length() * 3 : 0);
        d.put("calculated", f.calculated());
        d.put("calculatedFormula", f.calculatedFormula());
        d.put("cascadeDelete", false);
        d.put("caseSensitive", f.caseSensitive());
        d.put("compoundFieldName", null);
        d.put("controllerName", null);
        d.put("createable", f.createable() && editable);
        d.put("custom", f.custom());
        d.put("defaultValue", f.type() == FieldType.BOOLEAN ? f.defaultValue() : null);
        d.put("defaultValueFormula", f.type() != FieldType.BOOLEAN && f.defaultValue() != null ? "'" + f.defaultValue() + "'" : null);
        d.put("defaultedOnCreate", f.defaultedOnCreate());
        d.put("dependentPicklist", false);
        d.put("deprecatedAndHidden", false);
        d.put("digits", f.type() == FieldType.INT ? f.precision() : 0);
        d.put("displayLocationInDecimal", false);
        d.put("encrypted", false);
        d.put("externalId", f.externalId());
        d.put("extraTypeInfo", null);
        d.put("filterable", f.type() != FieldType.TEXTAREA);
        d.put("filteredLookupInfo", null);
        d.put("formulaTreatNullNumberAsZero", false);
        d.put("groupable", f.type() != FieldType.TEXTAREA && !f.type().isNumber() && f.type() != FieldType.DATETIME && f.type() != FieldType.MULTIPICKLIST);
        d.put("highScaleNumber", false);
        d.put("htmlFormatted", false);
        d.put("idLookup", f.idLookup());
        d.put("inlineHelpText", null);
        d.put("label", f.label());
        d.put("length", f.type().isText() || f.type() == FieldType.ID || f.type() == FieldType.REFERENCE ? f.length() : 0);
        d.put("mask", null);
        d.put("maskType", null);
        d.put("name", f.name());
        d.put("nameField", f.nameField());
        d.put("namePointing", false);
        d.put("nillable", f.nillable());
        d.put("permissionable", f.custom() && f.nillable());
        d.put("picklistValues", picklist(f.picklistValues()));
        d.put("polymorphicForeignKey", false);
        d.put("precision", f.type().isNumber() && f.type() != FieldType.INT ? f.precision() : 0);
        d.put("queryByDistance", false);
        d.put("referenceTargetField", null);
        d.put("referenceTo", f.referenceTo());
        d.put("relationshipName", f.relationshipName());
        d.put("relationshipOrder", null);
        d.put("restrictedDelete", false);
        d.put("restrictedPicklist", f.restrictedPicklist());
        d.put("scale", f.type().isNumber() && f.type() != FieldType.INT ? f.scale() : 0);
        d.put("searchPrefilterable", false);
        d.put("soapType", f.type().soapType());
        d.put("sortable", f.type() != FieldType.TEXTAREA && f.type() != FieldType.MULTIPICKLIST);
        d.put("type", f.type().wireName());
        d.put("unique", f.unique());
        d.put("updateable", f.updateable() && editable);
        d.put("writeRequiresMasterRead", false);
        return d;
    }

    private static List<Map<String, Object>> picklist(List<PicklistValue> values) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PicklistValue v : values) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("active", v.active());
            entry.put("defaultValue", v.defaultValue());
            entry.put("label", v.label());
            entry.put("validFor", null);
            entry.put("value", v.value());
            out.add(entry);
        }
        return out;
    }

    private static List<Map<String, Object>> childRelationships(ObjectSchema parent, Iterable<ObjectSchema> allObjects) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ObjectSchema child : allObjects) {
            for (FieldSchema f : child.fields()) {
                if (f.referenceTo().contains(parent.name()) && f.createable()) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("cascadeDelete", false);
                    r.put("childSObject", child.name());
                    r.put("deprecatedAndHidden", false);
                    r.put("field", f.name());
                    r.put("junctionIdListNames", List.of());
                    r.put("junctionReferenceTo", List.of());
                    r.put("relationshipName", childRelationshipName(parent, child, f));
                    r.put("restrictedDelete", false);
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static String childRelationshipName(ObjectSchema parent, ObjectSchema child, FieldSchema field) {
        return dev.sfsync.emulator.org.ChildRelationships.name(parent, child, field);
    }

    /**
     * The master record type, then the object's own record types as the user's profile sees them: which are available to
     * it and which one its records get by default (the master only when the object has no record type of its own).
     */
    private List<Map<String, Object>> recordTypeInfos(ObjectSchema schema) {
        List<RecordTypes.Type> types = schema.field(RecordTypes.FIELD).isPresent() ? RecordTypes.of(api.org(), schema.name()) : List.of();
        String defaultId = RecordTypes.defaultFor(api.profile(), types).map(RecordTypes.Type::id)
                .orElse(types.stream().allMatch(RecordTypes.Type::personType) ? RecordTypes.MASTER_ID : null);
        List<Map<String, Object>> infos = new ArrayList<>();
        infos.add(recordType(schema, RecordTypes.MASTER_ID, "Master", "Master", true, RecordTypes.MASTER_ID.equals(defaultId),
                RecordTypes.MASTER_ID.equals(defaultId), true));
        for (RecordTypes.Type type : types) {
            infos.add(recordType(schema, type.id(), type.developerName(), type.label(), type.active(), RecordTypes.available(api.profile(), type),
                    type.id().equals(defaultId), false));
        }
        return infos;
    }

    private Map<String, Object> recordType(ObjectSchema schema, String id, String developerName, String label, boolean active, boolean available,
                                           boolean isDefault, boolean master) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("active", active);
        r.put("available", available);
        r.put("defaultRecordTypeMapping", isDefault);
        r.put("developerName", developerName);
        r.put("master", master);
        r.put("name", label);
        r.put("recordTypeId", id);
        r.put("urls", Map.of("layout", api.dataPath() + "/sobjects/" + schema.name() + "/describe/layouts/" + id));
        return r;
    }

    private Map<String, Object> urls(ObjectSchema schema) {
        String base = api.dataPath() + "/sobjects/" + schema.name();
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("compactLayouts", base + "/describe/compactLayouts");
        urls.put("rowTemplate", base + "/{ID}");
        urls.put("approvalLayouts", base + "/describe/approvalLayouts");
        urls.put("defaultValues", base + "/defaultValues?recordTypeId&fields");
        urls.put("describe", base + "/describe");
        urls.put("quickActions", base + "/quickActions");
        urls.put("layouts", base + "/describe/layouts");
        urls.put("sobject", base);
        return urls;
    }

    private static Map<String, Object> sorted(Map<String, Object> map) {
        return new java.util.TreeMap<>(map);
    }
}

package dev.sfsync.emulator.soap;

import dev.sfsync.emulator.org.ObjectPermission;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.rest.ApiContext;
import dev.sfsync.emulator.rest.DescribeRenderer;

import java.util.List;
import java.util.Map;

/**
 * describeGlobal, describeSObject and describeSObjects. The values are the REST describe's; they are written element by
 * element in the partner WSDL's sequence for each type, because clients generated from the WSDL (force-wsc) read
 * elements in that order and fail on any other. A name ending in "?" is optional (left out when null), in "*" repeated.
 */
final class PartnerDescribeCalls {
    static final int MAX_DESCRIBE_SOBJECTS = 100;

    private static final List<String> GLOBAL_SOBJECT = List.of("activateable", "associateEntityType", "associateParentEntity", "createable",
            "custom", "customSetting", "dataTranslationEnabled?", "deepCloneable", "deletable", "deprecatedAndHidden", "feedEnabled",
            "hasSubtypes", "idEnabled", "isInterface", "isSubtype", "keyPrefix", "label", "labelPlural", "layoutable", "mergeable",
            "mruEnabled", "name", "queryable", "replicateable", "retrieveable", "searchable", "triggerable", "undeletable", "updateable");
    private static final List<String> SOBJECT = List.of("actionOverrides*", "activateable", "associateEntityType", "associateParentEntity",
            "childRelationships*", "compactLayoutable", "createable", "custom", "customSetting", "dataTranslationEnabled?", "deepCloneable",
            "defaultImplementation", "deletable", "deprecatedAndHidden", "feedEnabled", "fields*", "hasSubtypes", "idEnabled", "implementedBy",
            "implementsInterfaces", "isInterface", "isSubtype", "keyPrefix", "label", "labelPlural", "layoutable", "listviewable?",
            "lookupLayoutable?", "mergeable", "mruEnabled", "name", "namedLayoutInfos*", "networkScopeFieldName", "queryable",
            "recordTypeInfos*", "replicateable", "retrieveable", "searchLayoutable?", "searchable", "supportedScopes*", "triggerable?",
            "undeletable", "updateable", "urlDetail", "urlEdit", "urlNew");
    private static final List<String> FIELD = List.of("aggregatable", "aiPredictionField", "autoNumber", "byteLength", "calculated",
            "calculatedFormula?", "cascadeDelete?", "caseSensitive", "compoundFieldName?", "controllerName?", "createable", "custom",
            "dataTranslationEnabled?", "defaultValue?", "defaultValueFormula?", "defaultedOnCreate", "dependentPicklist?", "deprecatedAndHidden",
            "digits", "displayLocationInDecimal?", "encrypted?", "externalId?", "extraTypeInfo?", "filterable", "filteredLookupInfo?",
            "formulaTreatNullNumberAsZero?", "groupable", "highScaleNumber?", "htmlFormatted?", "idLookup", "inlineHelpText?", "label",
            "length", "mask?", "maskType?", "name", "nameField", "namePointing?", "nillable", "permissionable", "picklistValues*",
            "polymorphicForeignKey", "precision", "queryByDistance", "referenceTargetField?", "referenceTo*", "relationshipName?",
            "relationshipOrder?", "restrictedDelete?", "restrictedPicklist", "scale", "searchPrefilterable", "soapType", "sortable?", "type",
            "unique", "updateable", "writeRequiresMasterRead?");
    private static final List<String> CHILD_RELATIONSHIP = List.of("cascadeDelete", "childSObject", "deprecatedAndHidden", "field",
            "junctionIdListNames*", "junctionReferenceTo*", "relationshipName?", "restrictedDelete?");
    private static final List<String> PICKLIST_ENTRY = List.of("active", "defaultValue", "label", "validFor?", "value");
    private static final List<String> RECORD_TYPE_INFO = List.of("active", "available", "defaultRecordTypeMapping", "developerName", "master",
            "name", "recordTypeId");
    private static final List<String> SCOPE_INFO = List.of("label", "name");
    private static final Map<String, List<String>> NESTED = Map.of("childRelationships", CHILD_RELATIONSHIP, "fields", FIELD,
            "picklistValues", PICKLIST_ENTRY, "recordTypeInfos", RECORD_TYPE_INFO, "supportedScopes", SCOPE_INFO);

    private PartnerDescribeCalls() {
    }

    static byte[] describeGlobal(ApiContext api) {
        DescribeRenderer renderer = new DescribeRenderer(api);
        SoapWriter xml = PartnerCalls.responseWithLimits(api);
        xml.body().start("describeGlobalResponse").start("result").element("encoding", "UTF-8").element("maxBatchSize", 200);
        for (ObjectSchema schema : api.org().schemas()) {
            write(xml, "sobjects", renderer.globalEntry(schema), GLOBAL_SOBJECT);
        }
        return xml.end().end().end().finish();
    }

    static byte[] describeSObjects(SoapRequest request, ApiContext api) {
        boolean single = request.operationName().equals("describeSObject");
        List<String> names = SoapRequest.texts(request.operation(), "sObjectType");
        if (names.isEmpty()) {
            throw SoapFault.unexpected("MISSING_ARGUMENT", request.operationName() + "() needs an <sObjectType>, e.g. Account");
        }
        if (names.size() > (single ? 1 : MAX_DESCRIBE_SOBJECTS)) {
            throw SoapFault.unexpected("LIMIT_EXCEEDED", request.operationName() + "() describes at most " + (single ? 1 : MAX_DESCRIBE_SOBJECTS)
                    + " objects; this call names " + names.size());
        }
        DescribeRenderer renderer = new DescribeRenderer(api);
        SoapWriter xml = PartnerCalls.responseWithLimits(api);
        xml.body().start(request.operationName() + "Response");
        for (String name : names) {
            ObjectSchema schema = api.org().schema(name).filter(s -> api.profile().can(s.name(), ObjectPermission.READ))
                    .orElseThrow(() -> SoapFault.api("INVALID_TYPE", "sObject type '" + name + "' is not supported. If you are attempting to "
                            + "use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the "
                            + "describe call for the appropriate names.", "InvalidSObjectFault"));
            Map<String, Object> describe = new java.util.LinkedHashMap<>(renderer.describe(schema, api.org().schemas()));
            // The partner API has the UI links as elements of their own rather than REST's urls map; the emulator has no UI.
            describe.put("urlDetail", null);
            describe.put("urlEdit", null);
            describe.put("urlNew", null);
            write(xml, "result", describe, SOBJECT);
        }
        return xml.end().end().finish();
    }

    private static void write(SoapWriter xml, String element, Map<String, Object> values, List<String> sequence) {
        xml.start(element);
        for (String entry : sequence) {
            boolean repeated = entry.endsWith("*");
            boolean optional = entry.endsWith("?");
            String name = repeated || optional ? entry.substring(0, entry.length() - 1) : entry;
            Object value = values.get(name);
            if (repeated) {
                if (value instanceof List<?> list) {
                    for (Object item : list) {
                        writeValue(xml, name, item);
                    }
                }
            } else if (value != null || !optional) {
                writeValue(xml, name, value);
            }
        }
        xml.end();
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(SoapWriter xml, String name, Object value) {
        if (value instanceof Map<?, ?> map && NESTED.containsKey(name)) {
            write(xml, name, (Map<String, Object>) map, NESTED.get(name));
        } else if (name.equals("defaultValue") && value instanceof Boolean flag) {
            // Field.defaultValue is xsd:anyType: the value says its type.
            xml.typedElement(name, "xsd:boolean", flag);
        } else {
            xml.element(name, value);
        }
    }
}

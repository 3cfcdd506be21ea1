package dev.sfsync.emulator.soap;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.rest.ApiContext;
import org.w3c.dom.Element;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Metadata API's describeMetadata (the metadata types, with their folders and file suffixes) and listMetadata
 * (the components of a type: every object for CustomObject, every custom field for CustomField; the emulator's org has
 * no components of the other types, so they list none). Shapes follow the Metadata WSDL's DescribeMetadataResult and
 * FileProperties, elements in its (alphabetical) order.
 */
final class MetadataListCalls {
    static final int MAX_QUERIES = 3;

    /** One metadata type of describeMetadata: xmlName, directoryName, suffix, inFolder, metaFile, childXmlNames. */
    private record MetadataType(String xmlName, String directoryName, String suffix, boolean inFolder, boolean metaFile, List<String> children) {
    }

    private static final List<MetadataType> TYPES = List.of(
            new MetadataType("ApexClass", "classes", "cls", false, true, List.of()),
            new MetadataType("ApexPage", "pages", "page", false, true, List.of()),
            new MetadataType("ApexTrigger", "triggers", "trigger", false, true, List.of()),
            new MetadataType("CustomApplication", "applications", "app", false, false, List.of()),
            new MetadataType("CustomLabels", "labels", "labels", false, false, List.of("CustomLabel")),
            new MetadataType("CustomObject", "objects", "object", false, false, List.of("CustomField", "Index", "BusinessProcess",
                    "CompactLayout", "RecordType", "WebLink", "ValidationRule", "SharingReason", "ListView", "FieldSet")),
            new MetadataType("CustomTab", "tabs", "tab", false, false, List.of()),
            new MetadataType("Dashboard", "dashboards", "dashboard", true, false, List.of()),
            new MetadataType("Document", "documents", null, true, true, List.of()),
            new MetadataType("EmailTemplate", "email", "email", true, true, List.of()),
            new MetadataType("Flow", "flows", "flow", false, false, List.of()),
            new MetadataType("Layout", "layouts", "layout", false, false, List.of()),
            new MetadataType("PermissionSet", "permissionsets", "permissionset", false, false, List.of()),
            new MetadataType("Profile", "profiles", "profile", false, false, List.of()),
            new MetadataType("Report", "reports", "report", true, false, List.of()),
            new MetadataType("StaticResource", "staticresources", "resource", false, true, List.of()),
            new MetadataType("Workflow", "workflows", "workflow", false, false, List.of("WorkflowFieldUpdate", "WorkflowAlert", "WorkflowRule")));
    private static final List<String> CHILD_TYPES = TYPES.stream().flatMap(t -> t.children().stream()).toList();

    private final OrgHost host;
    /** Stable ids for listed components (custom fields 00N, custom objects 01I) for the emulator's life. */
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    private final Instant started;

    MetadataListCalls(OrgHost host) {
        this.host = host;
        this.started = host.org().clock().instant();
    }

    static boolean handles(String operation) {
        return operation.equals("describeMetadata") || operation.equals("listMetadata");
    }

    byte[] handle(SoapRequest request, ApiContext api) {
        MetadataCalls.requireCustomizer(api);
        return request.operationName().equals("describeMetadata") ? describe() : list(request, api);
    }

    private static byte[] describe() {
        SoapWriter xml = SoapWriter.response(SoapNamespaces.METADATA).body().start("describeMetadataResponse").start("result");
        for (MetadataType type : TYPES) {
            xml.start("metadataObjects");
            type.children().forEach(child -> xml.element("childXmlNames", child));
            xml.element("directoryName", type.directoryName()).element("inFolder", type.inFolder()).element("metaFile", type.metaFile());
            if (type.suffix() != null) {
                xml.element("suffix", type.suffix());
            }
            xml.element("xmlName", type.xmlName()).end();
        }
        xml.element("organizationNamespace", "").element("partialSaveAllowed", true).element("testRequired", false);
        return xml.end().end().end().end().finish();
    }

    private byte[] list(SoapRequest request, ApiContext api) {
        List<Element> queries = SoapRequest.children(request.operation(), "queries");
        if (queries.isEmpty() || queries.size() > MAX_QUERIES) {
            throw SoapFault.unexpected("INVALID_ARGUMENT", "listMetadata() takes 1 to " + MAX_QUERIES + " <queries>, each with a <type>; this call has "
                    + queries.size());
        }
        SoapWriter xml = SoapWriter.response(SoapNamespaces.METADATA).body().start("listMetadataResponse");
        for (Element query : queries) {
            String type = SoapRequest.text(query, "type");
            boolean known = type != null && (TYPES.stream().anyMatch(t -> t.xmlName().equals(type)) || CHILD_TYPES.contains(type));
            if (!known) {
                throw SoapFault.unexpected("INVALID_TYPE", "Unknown type name '" + type + "' specified; describeMetadata() lists the types");
            }
            switch (type) {
                case "CustomObject" -> api.org().schemas().forEach(object -> properties(xml, api, "CustomObject", object.name(), "objects/" + object.name() + ".object",
                                object.custom() ? id("01I", object.name()) : ""));
                case "CustomField" -> {
                    for (ObjectSchema object : api.org().schemas()) {
                        for (FieldSchema field : object.fields()) {
                            if (field.custom()) {
                                String fullName = object.name() + "." + field.name();
                                properties(xml, api, "CustomField", fullName, "objects/" + object.name() + ".object", id("00N", fullName));
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        return xml.end().end().finish();
    }

    /** FileProperties; the emulator's components were all made by the org's first user when it started. */
    private void properties(SoapWriter xml, ApiContext api, String type, String fullName, String fileName, String id) {
        UserAccount owner = api.org().defaultUser();
        String when = PartnerRecords.text(null, started);
        xml.start("result")
                .element("createdById", owner.id()).element("createdByName", owner.displayName()).element("createdDate", when)
                .element("fileName", fileName).element("fullName", fullName).element("id", id)
                .element("lastModifiedById", owner.id()).element("lastModifiedByName", owner.displayName()).element("lastModifiedDate", when)
                .element("manageableState", "unmanaged").element("type", type)
                .end();
    }

    private String id(String keyPrefix, String fullName) {
        return ids.computeIfAbsent(fullName.toLowerCase(Locale.ROOT), k -> host.org().ids().next(keyPrefix));
    }
}

package dev.sfsync.emulator.soap;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.metadata.CustomFieldSpec;
import dev.sfsync.emulator.metadata.CustomFieldView;
import dev.sfsync.emulator.metadata.FieldDefinitions;
import dev.sfsync.emulator.metadata.MetadataResult;
import dev.sfsync.emulator.rest.ApiContext;
import dev.sfsync.emulator.write.RecordError;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Metadata API's synchronous CRUD calls for CustomField: createMetadata, updateMetadata, upsertMetadata (SaveResult,
 * UpsertResult), deleteMetadata (DeleteResult) and readMetadata (ReadResult). Components are saved one by one; a bad
 * one fails alone, as without AllOrNoneHeader.
 */
final class MetadataCalls {
    static final int MAX_COMPONENTS = 10;
    private static final Set<String> OPERATIONS = Set.of("createMetadata", "updateMetadata", "upsertMetadata", "deleteMetadata", "readMetadata");
    private static final String CUSTOM_FIELD = "CustomField";

    private final OrgHost host;

    MetadataCalls(OrgHost host) {
        this.host = host;
    }

    static boolean handles(String operation) {
        return OPERATIONS.contains(operation);
    }

    /** The Metadata API is for users who may change the org's setup. */
    static void requireCustomizer(ApiContext api) {
        if (!FieldDefinitions.mayCustomize(api.profile())) {
            throw SoapFault.unexpected("INSUFFICIENT_ACCESS", "use of the Metadata API requires a user with the ModifyAllData or ModifyMetadata permissions");
        }
    }

    byte[] handle(SoapRequest request, ApiContext api) {
        requireCustomizer(api);
        FieldDefinitions fields = new FieldDefinitions(host.org());
        String operation = request.operationName();
        SoapWriter xml = SoapWriter.response(SoapNamespaces.METADATA).body().start(operation + "Response");
        switch (operation) {
            case "readMetadata" -> read(xml, fields, names(request));
            case "deleteMetadata" -> names(request).forEach(name -> result(xml, fields.delete(name), false));
            default -> {
                for (CustomFieldSpec spec : components(request)) {
                    switch (operation) {
                        case "createMetadata" -> result(xml, fields.create(spec), false);
                        case "updateMetadata" -> result(xml, fields.update(spec), false);
                        default -> result(xml, fields.upsert(spec), true);
                    }
                }
            }
        }
        return xml.end().end().finish();
    }

    private static List<CustomFieldSpec> components(SoapRequest request) {
        List<Element> elements = SoapRequest.children(request.operation(), "metadata");
        checkCount(elements.size());
        List<CustomFieldSpec> specs = new ArrayList<>();
        for (Element element : elements) {
            requireCustomField(SoapRequest.xsiType(element));
            specs.add(CustomFieldSpec.read(null, SoapRequest.tree(element)));
        }
        return specs;
    }

    private static List<String> names(SoapRequest request) {
        requireCustomField(SoapRequest.text(request.operation(), "type"));
        List<String> names = SoapRequest.texts(request.operation(), "fullNames");
        checkCount(names.size());
        return names;
    }

    private static void requireCustomField(String type) {
        if (type == null) {
            throw SoapFault.unexpected("INVALID_TYPE", "Each component needs its metadata type, e.g. <metadata xsi:type=\"CustomField\"> or <type>CustomField</type>");
        }
        if (!type.equals(CUSTOM_FIELD)) {
            throw SoapFault.unexpected("INVALID_TYPE", "The emulator's Metadata API handles CustomField components only, not " + type);
        }
    }

    private static void checkCount(int count) {
        if (count == 0) {
            throw SoapFault.unexpected("INVALID_ARGUMENT", "The call names no component; send at least one");
        }
        if (count > MAX_COMPONENTS) {
            throw SoapFault.unexpected("LIMIT_EXCEEDED", "A call takes at most " + MAX_COMPONENTS + " components; this one has " + count
                    + " (split it into several calls)");
        }
    }

    private static void read(SoapWriter xml, FieldDefinitions fields, List<String> names) {
        xml.start("result");
        for (String name : names) {
            var field = fields.read(name);
            if (field.isEmpty()) {
                xml.element("records", null);
                continue;
            }
            xml.start("records").attribute("xsi", "type", SoapNamespaces.XSI, CUSTOM_FIELD);
            CustomFieldView.of(field.get().getKey(), field.get().getValue()).forEach(xml::tree);
            xml.end();
        }
        xml.end();
    }

    /** SaveResult / DeleteResult (errors, fullName, success) or UpsertResult (created first). */
    private static void result(SoapWriter xml, MetadataResult result, boolean upsert) {
        xml.start("result");
        if (upsert) {
            xml.element("created", result.created());
        }
        for (RecordError error : result.errors()) {
            xml.start("errors");
            error.fields().forEach(field -> xml.element("fields", field));
            xml.element("message", error.message()).element("statusCode", error.statusCode()).end();
        }
        xml.element("fullName", result.fullName()).element("success", result.success()).end();
    }
}

package dev.sfsync.emulator.soap;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.faults.ApiKind;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectPermission;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.rest.ApiContext;
import dev.sfsync.emulator.write.FieldInput;
import dev.sfsync.emulator.write.RecordError;
import dev.sfsync.emulator.write.RecordWriter;
import dev.sfsync.emulator.write.WriteResult;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The partner API's writes: create, update, upsert, delete and undelete of up to 200 records a call, through the same
 * record checks as REST. Records fail one by one unless the AllOrNoneHeader asks for all or none.
 */
final class PartnerWriteCalls {
    static final int MAX_RECORDS = 200;
    /** Elements of an sObject that are not fields. */
    private static final Set<String> NOT_FIELDS = Set.of("type", "Id", "fieldsToNull");

    private final OrgHost host;

    PartnerWriteCalls(OrgHost host) {
        this.host = host;
    }

    byte[] create(SoapRequest request, ApiContext api) {
        List<Element> records = sObjects(request);
        List<Function<RecordWriter, WriteResult>> writes = new ArrayList<>();
        for (Element record : records) {
            ObjectSchema schema = PartnerCalls.objectOf(api, record);
            Map<FieldSchema, Object> input = FieldInput.fromMap(schema, api.profile(), fields(record));
            writes.add(withFaults(schema.name(), null, writer -> writer.create(schema, input)));
        }
        return respond(api, request, "createResponse", run(api, request, writes), false);
    }

    byte[] update(SoapRequest request, ApiContext api) {
        List<Function<RecordWriter, WriteResult>> writes = new ArrayList<>();
        for (Element record : sObjects(request)) {
            ObjectSchema schema = PartnerCalls.objectOf(api, record);
            String id = SoapRequest.text(record, "Id");
            Map<FieldSchema, Object> input = FieldInput.fromMap(schema, api.profile(), fields(record));
            if (id == null || id.isEmpty()) {
                writes.add(writer -> WriteResult.failed(null, RecordError.of("MISSING_ARGUMENT", "Id not specified in an update call", "Id")));
            } else {
                writes.add(withFaults(schema.name(), id, writer -> writer.update(schema, id, input)));
            }
        }
        return respond(api, request, "updateResponse", run(api, request, writes), false);
    }

    byte[] upsert(SoapRequest request, ApiContext api) {
        String externalIdField = SoapRequest.text(request.operation(), "externalIDFieldName");
        if (externalIdField == null || externalIdField.isEmpty()) {
            throw SoapFault.unexpected("MISSING_ARGUMENT", "upsert() needs an <externalIDFieldName>: Id or an external ID field of the object");
        }
        List<Function<RecordWriter, WriteResult>> writes = new ArrayList<>();
        for (Element record : sObjects(request)) {
            ObjectSchema schema = PartnerCalls.objectOf(api, record);
            FieldSchema match = schema.field(externalIdField).filter(f -> f.externalId() || f.name().equals("Id") || f.idLookup())
                    .orElseThrow(() -> SoapFault.api("INVALID_FIELD", "Field name provided, " + externalIdField + " is not an External ID "
                            + "or indexed field for " + schema.name(), "InvalidFieldFault"));
            Map<String, Object> values = fields(record);
            String id = SoapRequest.text(record, "Id");
            if (id != null && !id.isEmpty()) {
                values.put("Id", id);
            }
            Map<FieldSchema, Object> input = FieldInput.fromMap(schema, api.profile(), values);
            writes.add(withFaults(schema.name(), null, writer -> writer.upsert(schema, match, input)));
        }
        return respond(api, request, "upsertResponse", run(api, request, writes), true);
    }

    byte[] delete(SoapRequest request, ApiContext api) {
        List<Function<RecordWriter, WriteResult>> writes = new ArrayList<>();
        for (String id : ids(request)) {
            String recordId = SalesforceIds.normalize(id).orElse(null);
            String object = api.org().schemaForId(recordId).map(ObjectSchema::name).orElse(null);
            writes.add(withFaults(object, recordId, writer -> writer.delete(null, id)));
        }
        return respond(api, request, "deleteResponse", run(api, request, writes), false);
    }

    /** Takes records out of the recycle bin: a deleted record comes back as it was; a live or unknown one fails. */
    byte[] undelete(SoapRequest request, ApiContext api) {
        List<WriteResult> results = new ArrayList<>();
        synchronized (api.org().writeLock()) {
            for (String raw : ids(request)) {
                results.add(undeleteOne(api, raw));
            }
        }
        return respond(api, request, "undeleteResponse", results, false);
    }

    private static WriteResult undeleteOne(ApiContext api, String raw) {
        String id = SalesforceIds.normalize(raw).orElse(null);
        if (id == null) {
            return WriteResult.failed(null, RecordError.of("MALFORMED_ID", "malformed id " + raw));
        }
        RecordStore store = api.org().schemaForId(id).flatMap(schema -> api.org().store(schema.name())).orElse(null);
        StoredRecord record = store == null ? null : store.get(id).orElse(null);
        if (record == null) {
            return WriteResult.failed(id, RecordError.of("INVALID_ID_FIELD", "invalid record id"));
        }
        if (!api.profile().can(record.objectName(), ObjectPermission.DELETE)) {
            return WriteResult.failed(id, RecordError.of("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id"));
        }
        if (!record.isDeleted()) {
            return WriteResult.failed(id, RecordError.of("UNDELETE_FAILED", "Entity is not in the recycle bin"));
        }
        Map<String, Object> values = new LinkedHashMap<>(record.values());
        values.put("IsDeleted", Boolean.FALSE);
        store.put(new StoredRecord(id, record.schema(), values));
        return WriteResult.saved(id);
    }

    /** convertLead(leadConverts): LeadConvertResult per LeadConvert, in the WSDL's order. */
    byte[] convertLead(SoapRequest request, ApiContext api) {
        List<Element> converts = SoapRequest.children(request.operation(), "leadConverts");
        if (converts.isEmpty()) {
            throw SoapFault.unexpected("MISSING_ARGUMENT", "convertLead() needs at least one <leadConverts> with a leadId and a convertedStatus");
        }
        if (converts.size() > MAX_RECORDS) {
            throw SoapFault.unexpected("LIMIT_EXCEEDED", "convertLead() takes at most " + MAX_RECORDS + " <leadConverts>; this call has " + converts.size());
        }
        SoapWriter xml = PartnerCalls.responseWithLimits(api);
        xml.body().start("convertLeadResponse");
        for (Element convert : converts) {
            LeadConversion.Result result = LeadConversion.convert(api, convert);
            xml.start("result").element("accountId", result.accountId()).element("contactId", result.contactId());
            PartnerCalls.errors(xml, result.errors());
            xml.element("leadId", result.leadId()).element("opportunityId", result.opportunityId()).element("success", result.success()).end();
        }
        return xml.end().end().finish();
    }

    private Function<RecordWriter, WriteResult> withFaults(String object, String recordId, Function<RecordWriter, WriteResult> write) {
        return writer -> host.faults().recordError(ApiKind.SOAP, object)
                .map(fault -> WriteResult.failed(recordId, RecordError.of(fault.errorCode(), fault.message())))
                .orElseGet(() -> write.apply(writer));
    }

    private static List<WriteResult> run(ApiContext api, SoapRequest request, List<Function<RecordWriter, WriteResult>> writes) {
        boolean allOrNone = "true".equalsIgnoreCase(request.headerValue("AllOrNoneHeader", "allOrNone"));
        List<WriteResult> results = new ArrayList<>();
        synchronized (api.org().writeLock()) {
            RecordWriter writer = new RecordWriter(api.org(), api.user());
            for (Function<RecordWriter, WriteResult> write : writes) {
                results.add(write.apply(writer));
            }
            if (allOrNone && results.stream().anyMatch(r -> !r.success())) {
                writer.rollback();
                results.replaceAll(r -> r.success() ? new WriteResult(null, false, false, List.of(RecordError.of("ALL_OR_NONE_OPERATION_ROLLED_BACK",
                        "Record rolled back because not all records were valid and the request was using AllOrNone header"))) : r);
            }
        }
        return results;
    }

    /** SaveResult, DeleteResult and UndeleteResult (errors, id, success) or UpsertResult (created first), in the WSDL's order. */
    private static byte[] respond(ApiContext api, SoapRequest request, String response, List<WriteResult> results, boolean upsert) {
        SoapWriter xml = PartnerCalls.responseWithLimits(api);
        xml.body().start(response);
        for (WriteResult result : results) {
            xml.start("result");
            if (upsert) {
                xml.element("created", result.created());
            }
            PartnerCalls.errors(xml, result.errors());
            xml.element("id", result.id()).element("success", result.success()).end();
        }
        return xml.end().end().finish();
    }

    private static List<Element> sObjects(SoapRequest request) {
        List<Element> records = SoapRequest.children(request.operation(), "sObjects");
        if (records.size() > MAX_RECORDS) {
            throw SoapFault.unexpected("LIMIT_EXCEEDED", "Maximum " + MAX_RECORDS + " records can be sent in one call; this call has " + records.size());
        }
        return records;
    }

    private static List<String> ids(SoapRequest request) {
        List<String> ids = SoapRequest.texts(request.operation(), "ids");
        if (ids.size() > MAX_RECORDS) {
            throw SoapFault.unexpected("LIMIT_EXCEEDED", "Maximum " + MAX_RECORDS + " ids can be sent in one call; this call has " + ids.size());
        }
        return ids;
    }

    /**
     * An sObject's field values as text, fieldsToNull as nulls; a nested sObject on a relationship names its parent by
     * one external ID field, as "Account.External_Key__c" (what FieldInput reads as a parent reference).
     */
    static Map<String, Object> fields(Element record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Element field : SoapRequest.children(record, null)) {
            String name = field.getLocalName();
            if (NOT_FIELDS.contains(name)) {
                continue;
            }
            List<Element> nested = SoapRequest.children(field, null);
            if (nested.isEmpty()) {
                values.put(name, "true".equals(field.getAttributeNS(SoapNamespaces.XSI, "nil")) ? null : field.getTextContent());
                continue;
            }
            for (Element parentField : nested) {
                if (!NOT_FIELDS.contains(parentField.getLocalName())) {
                    values.put(name + "." + parentField.getLocalName(), parentField.getTextContent());
                }
            }
        }
        for (String name : SoapRequest.texts(record, "fieldsToNull")) {
            values.put(name, null);
        }
        return values;
    }
}

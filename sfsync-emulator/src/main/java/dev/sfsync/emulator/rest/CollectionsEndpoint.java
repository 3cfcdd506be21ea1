package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.write.FieldInput;
import dev.sfsync.emulator.write.RecordError;
import dev.sfsync.emulator.write.RecordWriter;
import dev.sfsync.emulator.write.WriteResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * sObject Collections: create, update, upsert, delete and retrieve of up to 200 records per call. allOrNone is off
 * by default; when on, one failure rolls every record of the call back.
 */
final class CollectionsEndpoint {
    private static final String V = "/services/data/v([^/]+)";
    private static final int MAX_RECORDS = 200;

    /** One record's write, run against a writer that the whole call shares. */
    @FunctionalInterface
    private interface RecordOperation {
        WriteResult apply(RecordWriter writer);
    }

    private final OrgHost host;

    CollectionsEndpoint(OrgHost host) {
        this.host = host;
    }

    void register(Router router) {
        router.on("POST", V + "/composite/sobjects/?", this::create);
        router.on("PATCH", V + "/composite/sobjects/?", this::update);
        router.on("DELETE", V + "/composite/sobjects/?", this::delete);
        router.on("PATCH", V + "/composite/sobjects/([^/]+)/([^/]+)/?", this::upsert);
        router.on("GET", V + "/composite/sobjects/([^/]+)/?", this::retrieve);
        router.on("POST", V + "/composite/sobjects/([^/]+)/?", this::retrieve);
    }

    private void create(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        JsonNode body = ex.jsonBody();
        List<RecordOperation> operations = new ArrayList<>();
        for (JsonNode record : records(body)) {
            ObjectSchema schema = typeOf(api, record);
            Map<FieldSchema, Object> input = FieldInput.fromJson(schema, api.profile(), record);
            operations.add(withFaults(schema.name(), null, writer -> writer.create(schema, input)));
        }
        ex.json(200, run(api, operations, body.path("allOrNone").asBoolean(false), false));
    }

    private void update(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        JsonNode body = ex.jsonBody();
        List<RecordOperation> operations = new ArrayList<>();
        for (JsonNode record : records(body)) {
            ObjectSchema schema = typeOf(api, record);
            Map<FieldSchema, Object> input = FieldInput.fromJson(schema, api.profile(), record);
            JsonNode id = record.path("Id").isMissingNode() ? record.path("id") : record.path("Id");
            if (id.isMissingNode() || id.isNull() || id.asText().isBlank()) {
                operations.add(writer -> WriteResult.failed(null, RecordError.of("MISSING_ARGUMENT", "Id not specified in an update call", "Id")));
            } else {
                String recordId = SalesforceIds.normalize(id.asText()).orElse(null);
                operations.add(withFaults(schema.name(), recordId, writer -> writer.update(schema, id.asText(), input)));
            }
        }
        ex.json(200, run(api, operations, body.path("allOrNone").asBoolean(false), false));
    }

    private void upsert(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = SObjectEndpoints.Lookups.readable(api, m.group(2));
        FieldSchema matchField = SObjectEndpoints.Lookups.externalIdField(api, schema, m.group(3));
        JsonNode body = ex.jsonBody();
        List<JsonNode> records = records(body);
        Map<String, Integer> keyCounts = new HashMap<>();
        List<Map<FieldSchema, Object>> inputs = new ArrayList<>();
        for (JsonNode record : records) {
            ObjectSchema type = typeOf(api, record);
            if (!type.name().equals(schema.name())) {
                throw new ApiException(400, "INVALID_TYPE", "Upsert of " + type.name() + " records through the " + schema.name()
                        + " endpoint; all records must be of type " + schema.name());
            }
            Map<FieldSchema, Object> input = FieldInput.fromJson(schema, api.profile(), record);
            inputs.add(input);
            Object key = input.get(matchField);
            if (key != null) {
                keyCounts.merge(normalizedKey(matchField, key), 1, Integer::sum);
            }
        }
        List<RecordOperation> operations = new ArrayList<>();
        for (Map<FieldSchema, Object> input : inputs) {
            Object key = input.get(matchField);
            if (key != null && keyCounts.get(normalizedKey(matchField, key)) > 1) {
                operations.add(writer -> WriteResult.failed(null, RecordError.of("DUPLICATE_EXTERNAL_ID",
                        "Duplicate external id specified: " + key, matchField.name())));
            } else {
                operations.add(withFaults(schema.name(), null, writer -> writer.upsert(schema, matchField, input)));
            }
        }
        ex.json(200, run(api, operations, body.path("allOrNone").asBoolean(false), true));
    }

    private void delete(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        String ids = ex.queryParam("ids").orElseThrow(() -> new ApiException(400, "MISSING_ARGUMENT", "ids parameter is required: ?ids=001...,001..."));
        List<String> list = List.of(ids.split(","));
        if (list.size() > MAX_RECORDS) {
            throw tooMany();
        }
        List<RecordOperation> operations = new ArrayList<>();
        for (String id : list) {
            String recordId = SalesforceIds.normalize(id.trim()).orElse(null);
            String object = api.org().schemaForId(recordId).map(ObjectSchema::name).orElse(null);
            operations.add(withFaults(object, recordId, writer -> writer.delete(null, id.trim())));
        }
        ex.json(200, run(api, operations, ex.queryParam("allOrNone").map(Boolean::parseBoolean).orElse(false), false));
    }

    private void retrieve(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = SObjectEndpoints.Lookups.readable(api, m.group(2));
        String ids;
        String fields;
        if (ex.method().equals("POST")) {
            JsonNode body = ex.jsonBody();
            ids = String.join(",", textList(body.path("ids")));
            fields = String.join(",", textList(body.path("fields")));
        } else {
            ids = ex.queryParam("ids").orElse("");
            fields = ex.queryParam("fields").orElse("");
        }
        if (ids.isBlank() || fields.isBlank()) {
            throw new ApiException(400, "MISSING_ARGUMENT", "ids and fields are required, e.g. ?ids=001...,001...&fields=Id,Name");
        }
        List<Object> out = new ArrayList<>();
        for (String raw : ids.split(",")) {
            var record = SalesforceIds.normalize(raw.trim()).flatMap(id -> api.org().store(schema.name()).flatMap(s -> s.get(id)))
                    .filter(r -> !r.isDeleted());
            out.add(record.map(r -> (Object) RecordView.render(api, r, fields)).orElse(null));
        }
        ex.json(200, out);
    }

    /** The write, unless a record fault rule fails this record first (see {@link dev.sfsync.emulator.faults.Faults}). */
    private RecordOperation withFaults(String object, String recordId, RecordOperation write) {
        return writer -> RecordFaults.failure(host, object, recordId).orElseGet(() -> write.apply(writer));
    }

    private static List<Map<String, Object>> run(ApiContext api, List<RecordOperation> operations, boolean allOrNone, boolean withCreated) {
        List<WriteResult> results = new ArrayList<>();
        synchronized (api.org().writeLock()) {
            RecordWriter writer = new RecordWriter(api.org(), api.user());
            for (RecordOperation operation : operations) {
                results.add(operation.apply(writer));
            }
            if (allOrNone && results.stream().anyMatch(r -> !r.success())) {
                writer.rollback();
                results.replaceAll(r -> r.success() ? SaveResults.rolledBack(r) : r);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (WriteResult result : results) {
            out.add(SaveResults.render(result, withCreated));
        }
        return out;
    }

    private static List<JsonNode> records(JsonNode body) {
        JsonNode records = body.path("records");
        if (!records.isArray()) {
            throw new ApiException(400, "JSON_PARSER_ERROR", "The request body needs a \"records\" array, e.g. {\"allOrNone\":false,\"records\":[...]}");
        }
        if (records.size() > MAX_RECORDS) {
            throw tooMany();
        }
        List<JsonNode> list = new ArrayList<>();
        records.forEach(list::add);
        return list;
    }

    private static ObjectSchema typeOf(ApiContext api, JsonNode record) {
        String type = record.path("attributes").path("type").asText(null);
        if (type == null) {
            throw new ApiException(400, "INVALID_TYPE", "Must send a concrete entity type.");
        }
        return api.org().schema(type).orElseThrow(() -> new ApiException(400, "INVALID_TYPE", "sObject type '" + type + "' is not supported."));
    }

    private static String normalizedKey(FieldSchema field, Object key) {
        String text = key instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(key);
        return field.caseSensitive() ? text : text.toLowerCase(Locale.ROOT);
    }

    private static List<String> textList(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static ApiException tooMany() {
        return new ApiException(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than " + MAX_RECORDS + " records into this call");
    }

}

package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Json;
import dev.sfsync.emulator.http.SubExchange;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /composite/tree/{object}}: up to 200 records, each with {@code attributes.referenceId}, whose child
 * relationships ({@code "Contacts": {"records": [...]}}) nest further records; all are created or, on any error, none.
 */
final class CompositeTree {
    private static final int MAX_RECORDS = 200;

    private final OrgHost host;
    private final CompositeEndpoint composite;

    CompositeTree(OrgHost host, CompositeEndpoint composite) {
        this.host = host;
        this.composite = composite;
    }

    void create(Exchange ex, String version, String object) {
        ApiContext api = RestAuth.authenticate(host, ex, version);
        ObjectSchema schema = api.org().schema(object).orElseThrow(() -> new ApiException(404, "NOT_FOUND",
                "The requested resource does not exist"));
        JsonNode records = ex.jsonBody().path("records");
        if (!records.isArray() || records.isEmpty()) {
            throw new ApiException(400, "JSON_PARSER_ERROR", "records is required: a list of records, each with attributes.type and attributes.referenceId");
        }
        if (count(records) > MAX_RECORDS) {
            throw new ApiException(400, "LIMIT_EXCEEDED", "A tree request can create at most " + MAX_RECORDS + " records in all");
        }
        List<Map<String, Object>> created = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        UndoLog undo = new UndoLog(api.org());
        synchronized (api.org().writeLock()) {
            for (JsonNode record : records) {
                insert(ex, api, schema, record, null, null, undo, created, errors);
            }
            if (!errors.isEmpty()) {
                undo.rollback();
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hasErrors", !errors.isEmpty());
        body.put("results", errors.isEmpty() ? created : errors);
        ex.json(errors.isEmpty() ? 201 : 400, body);
    }

    private void insert(Exchange ex, ApiContext api, ObjectSchema schema, JsonNode record, FieldSchema parentField, String parentId,
                        UndoLog undo, List<Map<String, Object>> created, List<Map<String, Object>> errors) {
        String referenceId = record.path("attributes").path("referenceId").asText(null);
        ObjectNode fields = Json.MAPPER.createObjectNode();
        Map<String, JsonNode> children = new LinkedHashMap<>();
        record.fields().forEachRemaining(e -> {
            if (e.getKey().equals("attributes")) {
                return;
            }
            if (e.getValue().isObject() && e.getValue().has("records")) {
                children.put(e.getKey(), e.getValue().path("records"));
            } else {
                fields.set(e.getKey(), e.getValue());
            }
        });
        if (parentField != null) {
            fields.put(parentField.name(), parentId);
        }
        SubExchange sub = composite.run(ex, "POST", api.dataPath() + "/sobjects/" + schema.name(), Map.of(), fields);
        JsonNode answer = sub.responseJson();
        if (sub.status() != 201 || answer == null || !answer.hasNonNull("id")) {
            errors.add(error(referenceId, answer));
            return;
        }
        String id = answer.path("id").asText();
        undo.created(schema.name(), id);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("referenceId", referenceId);
        result.put("id", id);
        created.add(result);
        for (Map.Entry<String, JsonNode> relationship : children.entrySet()) {
            Optional<Map.Entry<ObjectSchema, FieldSchema>> child = childRelationship(api, schema, relationship.getKey());
            if (child.isEmpty()) {
                errors.add(error(referenceId, Json.MAPPER.valueToTree(new ApiException(400, "INVALID_FIELD", "No such column '"
                        + relationship.getKey() + "' on entity '" + schema.name() + "': it is not a child relationship of " + schema.name()).body())));
                continue;
            }
            for (JsonNode childRecord : relationship.getValue()) {
                insert(ex, api, child.get().getKey(), childRecord, child.get().getValue(), id, undo, created, errors);
            }
        }
    }

    /** The child object and its reference field behind a relationship name such as Contacts. */
    private static Optional<Map.Entry<ObjectSchema, FieldSchema>> childRelationship(ApiContext api, ObjectSchema parent, String name) {
        for (ObjectSchema child : api.org().schemas()) {
            for (FieldSchema field : child.fields()) {
                if (field.referenceTo().contains(parent.name()) && field.createable()
                        && DescribeRenderer.childRelationshipName(parent, child, field).equalsIgnoreCase(name)) {
                    return Optional.of(Map.entry(child, field));
                }
            }
        }
        return Optional.empty();
    }

    /** A failed record as the tree resource reports it: statusCode, message and fields per error. */
    private static Map<String, Object> error(String referenceId, JsonNode answer) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (answer != null && answer.isArray()) {
            for (JsonNode item : answer) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("statusCode", item.path("errorCode").asText());
                error.put("message", item.path("message").asText());
                error.put("fields", item.has("fields") ? Json.MAPPER.convertValue(item.path("fields"), List.class) : List.of());
                errors.add(error);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("referenceId", referenceId);
        result.put("errors", errors);
        return result;
    }

    private static int count(JsonNode records) {
        int n = 0;
        for (JsonNode record : records) {
            n++;
            for (JsonNode value : record) {
                if (value.isObject() && value.has("records")) {
                    n += count(value.path("records"));
                }
            }
        }
        return n;
    }
}

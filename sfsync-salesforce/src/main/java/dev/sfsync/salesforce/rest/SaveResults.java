package dev.sfsync.salesforce.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.internal.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads save results as REST sends them: {@code {"id","success","errors":[{"statusCode","message","fields"}],"created"}}. */
final class SaveResults {
    private SaveResults() {
    }

    static SaveResult read(JsonNode node, boolean createdByDefault) {
        String id = node.path("id").isTextual() ? node.path("id").asText() : null;
        boolean success = node.path("success").asBoolean(false);
        List<SalesforceError> errors = errors(node.path("errors"));
        return of(id, success, node.has("created") ? node.path("created").asBoolean() : null, errors, createdByDefault);
    }

    /**
     * An sObject Collections answer, one result per record, read as a stream of tokens rather than a tree of nodes
     * (several objects per field, a million times in a large run); only a failure's errors become a tree.
     *
     * @throws IllegalStateException when the body is not an array of {@code expected} results
     */
    static List<SaveResult> readArray(byte[] body, int expected, boolean createdByDefault) {
        try (JsonParser parser = Json.FACTORY.createParser(body)) {
            List<SaveResult> results = new ArrayList<>(expected);
            boolean array = parser.nextToken() == JsonToken.START_ARRAY;
            for (JsonToken token = array ? parser.nextToken() : null; token == JsonToken.START_OBJECT; token = parser.nextToken()) {
                results.add(readObject(parser, createdByDefault));
            }
            if (!array || results.size() != expected) {
                throw new IllegalStateException("sObject Collections answered " + (array ? results.size() + " results" : "no result array")
                        + " for " + expected + " records; results can only be matched to records one for one");
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("Salesforce sent JSON this client cannot read: " + e.getMessage(), e);
        }
    }

    /** One result object, the parser on its START_OBJECT; leaves the parser on its END_OBJECT. */
    private static SaveResult readObject(JsonParser parser, boolean createdByDefault) throws IOException {
        String id = null;
        boolean success = false;
        Boolean created = null;
        List<SalesforceError> errors = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "id" -> id = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "success" -> success = truth(parser, value);
                case "created" -> created = truth(parser, value);
                case "errors" -> errors = value == JsonToken.START_ARRAY ? errors(Json.MAPPER.readTree(parser)) : skip(parser);
                default -> parser.skipChildren();
            }
        }
        return of(id, success, created, errors, createdByDefault);
    }

    private static List<SalesforceError> skip(JsonParser parser) throws IOException {
        parser.skipChildren();
        return List.of();
    }

    /** As JsonNode.asBoolean reads a value: true, "true", or a non-zero integer. */
    private static boolean truth(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_TRUE -> true;
            case VALUE_STRING -> parser.getText().trim().equals("true");
            case VALUE_NUMBER_INT -> parser.getLongValue() != 0;
            default -> {
                parser.skipChildren();
                yield false;
            }
        };
    }

    private static SaveResult of(String id, boolean success, Boolean created, List<SalesforceError> errors, boolean createdByDefault) {
        if (success) {
            return new SaveResult(id, true, created != null ? created : createdByDefault, errors);
        }
        if (errors.isEmpty()) {
            errors = List.of(new SalesforceError("UNKNOWN_EXCEPTION", "Salesforce reported a failure without an error"));
        }
        return SaveResult.failed(id, errors);
    }

    static List<SalesforceError> errors(JsonNode array) {
        List<SalesforceError> errors = new ArrayList<>();
        for (JsonNode error : array) {
            String code = error.hasNonNull("statusCode") ? error.get("statusCode").asText() : error.path("errorCode").asText("UNKNOWN_EXCEPTION");
            List<String> fields = new ArrayList<>();
            error.path("fields").forEach(f -> fields.add(f.asText()));
            errors.add(new SalesforceError(code, error.path("message").asText(""), fields));
        }
        return errors;
    }
}

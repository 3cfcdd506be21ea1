package dev.sfsync.salesforce.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.salesforce.error.SalesforceError;

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
        if (success) {
            boolean created = node.has("created") ? node.path("created").asBoolean() : createdByDefault;
            return new SaveResult(id, true, created, errors);
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

package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfsync.emulator.http.Json;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers of earlier subrequests by reference id, and the {@code @{refId.path}} expressions that later subrequests
 * use in their URL and body ({@code @{NewAccount.id}}, {@code @{Query.records[0].Id}}), as the composite resource's docs
 * describe them.
 */
final class CompositeReferences {
    private static final Pattern REFERENCE = Pattern.compile("@\\{([A-Za-z0-9_]+)((?:\\.[A-Za-z0-9_]+|\\[\\d+])*)}");
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[(\\d+)]");

    /** A reference that names nothing: the subrequest fails without running. */
    static final class Unresolved extends RuntimeException {
        Unresolved(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, JsonNode> answers = new HashMap<>();

    void answer(String referenceId, JsonNode body) {
        if (referenceId != null) {
            answers.put(referenceId, body);
        }
    }

    String resolve(String text) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), m.group(2)).asText()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The body with every string value's references replaced (a whole-value reference keeps the referenced JSON type). */
    JsonNode resolve(JsonNode body) {
        if (body == null) {
            return null;
        }
        if (body.isTextual()) {
            Matcher whole = REFERENCE.matcher(body.asText());
            if (whole.matches()) {
                return value(whole.group(1), whole.group(2)).deepCopy();
            }
            return TextNode.valueOf(resolve(body.asText()));
        }
        if (body.isObject()) {
            ObjectNode copy = Json.MAPPER.createObjectNode();
            body.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(e.getValue())));
            return copy;
        }
        if (body.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            body.forEach(item -> copy.add(resolve(item)));
            return copy;
        }
        return body;
    }

    private JsonNode value(String referenceId, String path) {
        JsonNode node = answers.get(referenceId);
        if (node == null) {
            throw new Unresolved("Invalid reference specified. No value for " + referenceId + path + " found in " + referenceId
                    + ". Provided referenceId ('" + referenceId + "') must be a valid referenceId of a previous subrequest that succeeded.");
        }
        Matcher step = STEP.matcher(path);
        while (step.find()) {
            node = step.group(1) != null ? node.path(step.group(1)) : node.path(Integer.parseInt(step.group(2)));
        }
        if (node.isMissingNode() || node.isNull()) {
            throw new Unresolved("Invalid reference specified. No value for " + referenceId + path + " found in " + referenceId + ".");
        }
        return node;
    }
}

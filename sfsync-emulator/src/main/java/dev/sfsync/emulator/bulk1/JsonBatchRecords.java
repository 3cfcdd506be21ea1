package dev.sfsync.emulator.bulk1;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.http.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON batch records: an array of objects, streamed one object at a time. A nested object names a parent by one
 * of its external ID fields ({@code "Account": {"External_Key__c": "A-1"}}); {@code "attributes"} is ignored.
 */
final class JsonBatchRecords implements BatchRecords {
    private final JsonParser parser;

    JsonBatchRecords(Path file) throws IOException, MalformedBatch {
        this.parser = Json.MAPPER.getFactory().createParser(Files.newInputStream(file));
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                parser.close();
                throw new MalformedBatch("A JSON batch must be an array of records, e.g. [{\"Name\":\"Acme\"}]");
            }
        } catch (JsonParseException e) {
            parser.close();
            throw new MalformedBatch("Failed to parse JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public Map<String, Object> next() throws IOException, MalformedBatch {
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw new MalformedBatch("Each element of a JSON batch must be a record object, found " + token.asString()
                        + " at line " + parser.currentLocation().getLineNr());
            }
            JsonNode node = parser.readValueAsTree();
            Map<String, Object> record = new LinkedHashMap<>();
            flatten("", node, record);
            return record;
        } catch (JsonParseException e) {
            throw new MalformedBatch("Failed to parse JSON: " + e.getOriginalMessage());
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> into) throws MalformedBatch {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (field.getKey().equals("attributes")) {
                continue;
            }
            if (value.isObject()) {
                flatten(name + ".", value, into);
            } else if (value.isArray()) {
                throw new MalformedBatch("Field " + name + " holds an array; a record field takes one value");
            } else {
                into.put(name, scalar(value));
            }
        }
    }

    private static Object scalar(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        return value.asText();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

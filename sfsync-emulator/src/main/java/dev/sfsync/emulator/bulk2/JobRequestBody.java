package dev.sfsync.emulator.bulk2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Json;

import java.io.IOException;
import java.io.UncheckedIOException;import java.util.Iterator;
import java.util.Set;

/** Reads the JSON body of a job request: only known properties, enum values by their wire names. */
final class JobRequestBody {
    private final JsonNode body;

    private JobRequestBody(JsonNode body) {
        this.body = body;
    }

    static JobRequestBody read(Exchange exchange, Set<String> properties) {
        return of(exchange.jsonBody(), properties);
    }

    /** The job part of a multipart create request. */
    static JobRequestBody read(byte[] json, Set<String> properties) {
        try {
            return of(Json.MAPPER.readTree(json), properties);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "JSON_PARSER_ERROR", "The job part of the multipart request is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JobRequestBody of(JsonNode body, Set<String> properties) {
        if (body == null || body.isMissingNode()) {
            throw new ApiException(400, "JSON_PARSER_ERROR", "The request body is either invalid or incomplete.");
        }
        if (!body.isObject()) {
            throw new ApiException(400, "JSON_PARSER_ERROR", "The request body must be a JSON object, e.g. {\"state\":\"UploadComplete\"}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!properties.contains(name)) {
                throw new ApiException(400, "JSON_PARSER_ERROR", "Unrecognized field \"" + name + "\"; the request takes "
                        + String.join(", ", properties.stream().sorted().toList()));
            }
        }
        return new JobRequestBody(body);
    }

    /** The text of a property; null when it is absent, null or blank. */
    String text(String property) {
        JsonNode value = body.path(property);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    <E extends Enum<E>> E required(String property, Class<E> type) {
        String value = text(property);
        E parsed = value == null ? null : parse(type, value);
        if (parsed == null) {
            throw Bulk2Errors.invalidValue(property, value, type);
        }
        return parsed;
    }

    <E extends Enum<E>> E optional(String property, Class<E> type, E defaultValue) {
        String value = text(property);
        if (value == null) {
            return defaultValue;
        }
        E parsed = parse(type, value);
        if (parsed == null) {
            throw Bulk2Errors.invalidValue(property, value, type);
        }
        return parsed;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }
}

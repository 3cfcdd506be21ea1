package dev.sfsync.salesforce.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.internal.ApiCaller;
import dev.sfsync.salesforce.internal.ApiRequest;
import dev.sfsync.salesforce.internal.ApiRequest.Idempotency;
import dev.sfsync.salesforce.internal.Json;
import dev.sfsync.salesforce.internal.RawResponse;
import dev.sfsync.salesforce.internal.RequestBody;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * sObject Collections: create, update, upsert and delete in calls of at most 200 records. Any number of records
 * may be passed; they are sent 200 at a time and the results come back one per input record, in input order.
 * allOrNone is off unless asked for, so one bad record does not sink its 199 neighbours.
 *
 * <p>Retries: a whole call refused as TRANSIENT (UNABLE_TO_LOCK_ROW for the call, 503) did nothing and is resent.
 * Update, upsert and delete calls are also resent after a lost answer, since repeating them lands in the same state;
 * a create call whose answer is lost is not (it could create every record twice).
 */
public final class SObjectCollections {
    public static final int MAX_RECORDS_PER_CALL = 200;

    private final ApiCaller caller;
    private final String dataPath;

    SObjectCollections(ApiCaller caller, String dataPath) {
        this.caller = caller;
        this.dataPath = dataPath;
    }

    public List<SaveResult> create(String object, List<? extends Map<String, ?>> records) {
        return create(object, records, false);
    }

    public List<SaveResult> create(String object, List<? extends Map<String, ?>> records, boolean allOrNone) {
        return inChunks(records, chunk -> send("POST", "/composite/sobjects", object, chunk, allOrNone, Idempotency.ONCE_ONLY, true));
    }

    /** Each record must carry its "Id"; a record without one fails locally with MISSING_ARGUMENT and is not sent. */
    public List<SaveResult> update(String object, List<? extends Map<String, ?>> records) {
        return update(object, records, false);
    }

    public List<SaveResult> update(String object, List<? extends Map<String, ?>> records, boolean allOrNone) {
        return inChunks(records, chunk -> {
            SaveResult[] results = new SaveResult[chunk.size()];
            List<Map<String, ?>> sendable = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                Object id = chunk.get(i).get("Id");
                if (id == null || id.toString().isBlank()) {
                    results[i] = SaveResult.failed(null, List.of(new SalesforceError("MISSING_ARGUMENT",
                            "an update needs the record's Id; add an \"Id\" entry to the record", List.of("Id"))));
                } else {
                    sendable.add(chunk.get(i));
                    positions.add(i);
                }
            }
            if (!sendable.isEmpty()) {
                List<SaveResult> sent = send("PATCH", "/composite/sobjects", object, sendable, allOrNone, Idempotency.REPEATABLE, false);
                for (int j = 0; j < sent.size(); j++) {
                    results[positions.get(j)] = sent.get(j);
                }
            }
            return Arrays.asList(results);
        });
    }

    /** Matches each record on {@code externalIdField} (which each record carries): updates a match, creates otherwise. */
    public List<SaveResult> upsert(String object, String externalIdField, List<? extends Map<String, ?>> records) {
        return upsert(object, externalIdField, records, false);
    }

    public List<SaveResult> upsert(String object, String externalIdField, List<? extends Map<String, ?>> records, boolean allOrNone) {
        String path = "/composite/sobjects/" + RestClient.segment(object) + "/" + RestClient.segment(externalIdField);
        return inChunks(records, chunk -> send("PATCH", path, object, chunk, allOrNone, Idempotency.REPEATABLE, false));
    }

    public List<SaveResult> delete(List<String> ids) {
        return delete(ids, false);
    }

    public List<SaveResult> delete(List<String> ids, boolean allOrNone) {
        return inChunks(ids, chunk -> {
            String path = dataPath + "/composite/sobjects?ids=" + String.join(",", chunk.stream().map(RestClient::segment).toList())
                    + "&allOrNone=" + allOrNone;
            try (RawResponse response = caller.call(ApiRequest.delete(path))) {
                return SaveResults.readArray(response.readAll(), chunk.size(), false);
            }
        });
    }

    private List<SaveResult> send(String method, String path, String object, List<? extends Map<String, ?>> chunk, boolean allOrNone,
                                  Idempotency idempotency, boolean createdByDefault) {
        ApiRequest request = ApiRequest.send(method, dataPath + path, RequestBody.json(body(object, chunk, allOrNone)), idempotency);
        try (RawResponse response = caller.call(request)) {
            return SaveResults.readArray(response.readAll(), chunk.size(), createdByDefault);
        }
    }

    /** {"allOrNone":false,"records":[{"attributes":{"type":"Account"}, ...fields}, ...]} */
    private static byte[] body(String object, List<? extends Map<String, ?>> records, boolean allOrNone) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * records.size());
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeBooleanField("allOrNone", allOrNone);
            json.writeArrayFieldStart("records");
            for (Map<String, ?> record : records) {
                json.writeStartObject();
                json.writeObjectFieldStart("attributes");
                json.writeStringField("type", object);
                json.writeEndObject();
                for (Map.Entry<String, ?> field : record.entrySet()) {
                    if (!field.getKey().equals("attributes")) {
                        json.writeFieldName(field.getKey());
                        writeValue(json, field.getValue());
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The values a sync sends are strings, numbers, booleans and nulls: written straight to the generator, as the
     * mapper would write them, without the mapper's serializer look-up for each field of each row; anything else
     * (dates, lists) still goes through the mapper.
     */
    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String text -> json.writeString(text);
            case Boolean bool -> json.writeBoolean(bool);
            case Integer number -> json.writeNumber(number);
            case Long number -> json.writeNumber(number);
            case java.math.BigDecimal number -> json.writeNumber(number);
            case Double number -> json.writeNumber(number);
            default -> Json.MAPPER.writeValue(json, value);
        }
    }

    @FunctionalInterface
    private interface ChunkCall<T> {
        List<SaveResult> apply(List<T> chunk);
    }

    private static <T> List<SaveResult> inChunks(List<T> items, ChunkCall<T> call) {
        Objects.requireNonNull(items, "records is null");
        List<SaveResult> results = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += MAX_RECORDS_PER_CALL) {
            results.addAll(call.apply(items.subList(from, Math.min(items.size(), from + MAX_RECORDS_PER_CALL))));
        }
        return results;
    }
}

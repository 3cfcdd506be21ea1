package dev.sfsync.salesforce.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.salesforce.internal.ApiCaller;
import dev.sfsync.salesforce.internal.ApiRequest;
import dev.sfsync.salesforce.internal.Json;
import dev.sfsync.salesforce.internal.RawResponse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Object describes, fetched once and kept: a plan validates thousands of rows against one describe. {@link #refresh}
 * asks again with If-Modified-Since, so an unchanged object costs a 304 and no body. Thread-safe.
 */
public final class DescribeCache {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final ApiCaller caller;
    private final String dataPath;
    private final Map<String, SObjectDescribe> cache = new ConcurrentHashMap<>();

    public DescribeCache(ApiCaller caller, String dataPath) {
        this.caller = caller;
        this.dataPath = dataPath;
    }

    public SObjectDescribe describe(String object) {
        return cache.computeIfAbsent(key(object), k -> fetch(object, null));
    }

    /** Reads the describe again (a field was added, FLS changed); keeps the cached copy when Salesforce says unchanged. */
    public SObjectDescribe refresh(String object) {
        SObjectDescribe cached = cache.get(key(object));
        SObjectDescribe fresh = fetch(object, cached);
        cache.put(key(object), fresh);
        return fresh;
    }

    public void invalidate(String object) {
        cache.remove(key(object));
    }

    public void invalidateAll() {
        cache.clear();
    }

    public DescribeGlobal describeGlobal() {
        try (RawResponse response = caller.call(ApiRequest.get(dataPath + "/sobjects"))) {
            return parseGlobal(Json.read(response.readAll()));
        }
    }

    static DescribeGlobal parseGlobal(JsonNode body) {
        List<SObjectSummary> objects = new ArrayList<>();
        for (JsonNode o : body.path("sobjects")) {
            objects.add(new SObjectSummary(o.path("name").asText(), o.path("label").asText(), text(o, "keyPrefix"), o.path("custom").asBoolean(),
                    o.path("createable").asBoolean(), o.path("updateable").asBoolean(), o.path("deletable").asBoolean(), o.path("queryable").asBoolean()));
        }
        return new DescribeGlobal(body.path("encoding").asText("UTF-8"), body.path("maxBatchSize").asInt(200), objects);
    }

    private SObjectDescribe fetch(String object, SObjectDescribe cached) {
        ApiRequest request = ApiRequest.get(dataPath + "/sobjects/" + object + "/describe");
        if (cached != null) {
            // HTTP dates have whole seconds: asking since the second before our read can cost a body, never a stale copy
            // (a change later in the same second as the read would otherwise answer 304).
            request = request.withHeader("If-Modified-Since", HTTP_DATE.format(cached.fetchedAt().minusSeconds(1)));
        }
        Instant fetchedAt = Instant.now();
        try (RawResponse response = caller.call(request)) {
            if (response.status() == 304 && cached != null) {
                response.readAll();
                return cached;
            }
            return parse(Json.read(response.readAll()), fetchedAt);
        }
    }

    static SObjectDescribe parse(JsonNode body, Instant fetchedAt) {
        List<FieldDescribe> fields = new ArrayList<>();
        for (JsonNode f : body.path("fields")) {
            List<PicklistValue> values = new ArrayList<>();
            for (JsonNode v : f.path("picklistValues")) {
                values.add(new PicklistValue(v.path("value").asText(), v.path("label").asText(), v.path("active").asBoolean(true),
                        v.path("defaultValue").asBoolean(false)));
            }
            List<String> referenceTo = new ArrayList<>();
            f.path("referenceTo").forEach(r -> referenceTo.add(r.asText()));
            fields.add(new FieldDescribe(f.path("name").asText(), f.path("label").asText(), f.path("type").asText(), f.path("length").asInt(),
                    f.path("precision").asInt(), f.path("scale").asInt(), f.path("nillable").asBoolean(), f.path("createable").asBoolean(),
                    f.path("updateable").asBoolean(), f.path("defaultedOnCreate").asBoolean(), f.path("calculated").asBoolean(),
                    f.path("autoNumber").asBoolean(), f.path("externalId").asBoolean(), f.path("unique").asBoolean(), f.path("idLookup").asBoolean(),
                    f.path("caseSensitive").asBoolean(), f.path("restrictedPicklist").asBoolean(), values, referenceTo, text(f, "relationshipName")));
        }
        return new SObjectDescribe(body.path("name").asText(), body.path("label").asText(), text(body, "keyPrefix"), body.path("custom").asBoolean(),
                body.path("createable").asBoolean(), body.path("updateable").asBoolean(), body.path("deletable").asBoolean(),
                body.path("queryable").asBoolean(), fields, fetchedAt, recordTypes(body));
    }

    private static List<RecordTypeInfo> recordTypes(JsonNode body) {
        List<RecordTypeInfo> types = new ArrayList<>();
        for (JsonNode t : body.path("recordTypeInfos")) {
            types.add(new RecordTypeInfo(text(t, "recordTypeId"), t.path("developerName").asText(), t.path("name").asText(),
                    t.path("active").asBoolean(true), t.path("available").asBoolean(), t.path("defaultRecordTypeMapping").asBoolean(),
                    t.path("master").asBoolean()));
        }
        return types;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String key(String object) {
        return object.toLowerCase(Locale.ROOT);
    }
}

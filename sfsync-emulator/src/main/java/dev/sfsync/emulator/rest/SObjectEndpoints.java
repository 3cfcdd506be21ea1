package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectPermission;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.write.FieldInput;
import dev.sfsync.emulator.write.RecordWriter;
import dev.sfsync.emulator.write.WriteResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;

/** describeGlobal, describe, and single-record create / retrieve / update / delete / upsert under /sobjects. */
final class SObjectEndpoints {
    private static final String V = "/services/data/v([^/]+)";

    private final OrgHost host;

    SObjectEndpoints(OrgHost host) {
        this.host = host;
    }

    void register(Router router) {
        router.on("GET", V + "/sobjects/?", this::describeGlobal);
        router.on("GET", V + "/sobjects/([^/]+)/describe/?", this::describe);
        router.on("GET", V + "/sobjects/([^/]+)/?", this::basicInfo);
        router.on("POST", V + "/sobjects/([^/]+)/?", this::create);
        router.on("GET", V + "/sobjects/([^/]+)/([^/]+)/?", this::retrieve);
        router.on("PATCH", V + "/sobjects/([^/]+)/([^/]+)/?", this::update);
        router.on("DELETE", V + "/sobjects/([^/]+)/([^/]+)/?", this::delete);
        router.on("GET", V + "/sobjects/([^/]+)/([^/]+)/([^/]+)/?", this::retrieveByExternalId);
        router.on("PATCH", V + "/sobjects/([^/]+)/([^/]+)/([^/]+)/?", this::upsert);
        router.on("POST", V + "/sobjects/([^/]+)/([^/]+)/([^/]+)/?", this::upsert);
        router.on("DELETE", V + "/sobjects/([^/]+)/([^/]+)/([^/]+)/?", this::deleteByExternalId);
    }

    private void describeGlobal(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        if (ConditionalGet.notModified(ex, api.org().schemaModified())) {
            return;
        }
        DescribeRenderer renderer = new DescribeRenderer(api);
        List<Map<String, Object>> sobjects = new ArrayList<>();
        for (ObjectSchema schema : api.org().schemas()) {
            sobjects.add(renderer.globalEntry(schema));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("encoding", "UTF-8");
        body.put("maxBatchSize", 200);
        body.put("sobjects", sobjects);
        ex.json(200, body);
    }

    private void describe(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = Lookups.readable(api, m.group(2));
        if (ConditionalGet.notModified(ex, api.org().schemaModified())) {
            return;
        }
        ex.json(200, new DescribeRenderer(api).describe(schema, api.org().schemas()));
    }

    private void basicInfo(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = Lookups.readable(api, m.group(2));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("objectDescribe", new DescribeRenderer(api).globalEntry(schema));
        List<Map<String, Object>> recent = new ArrayList<>();
        body.put("recentItems", recent);
        ex.json(200, body);
    }

    private void create(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = Lookups.readable(api, m.group(2));
        Map<FieldSchema, Object> input = FieldInput.fromJson(schema, api.profile(), ex.jsonBody());
        WriteResult result = write(api, schema, null, writer -> writer.create(schema, input));
        ex.json(201, SaveResults.render(result, false));
    }

    private void retrieve(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = Lookups.readable(api, m.group(2));
        StoredRecord record = Lookups.live(api, schema, m.group(3));
        if (record.get("SystemModstamp") instanceof java.time.Instant modified && ConditionalGet.notModified(ex, modified)) {
            return;
        }
        ex.json(200, RecordView.render(api, record, ex.queryParam("fields").orElse(null)));
    }

    private void update(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = Lookups.readable(api, m.group(2));
        String id = Lookups.live(api, schema, m.group(3)).id();
        Map<FieldSchema, Object> input = FieldInput.fromJson(schema, api.profile(), ex.jsonBody());
        write(api, schema, id, writer -> writer.update(schema, id, input));
        ex.noContent();
    }

    private void delete(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = Lookups.readable(api, m.group(2));
        String id = Lookups.existing(api, schema, m.group(3)).id();
        write(api, schema, id, writer -> writer.delete(schema, id));
        ex.noContent();
    }

    private void retrieveByExternalId(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = Lookups.readable(api, m.group(2));
        List<StoredRecord> matches = Lookups.byExternalId(api, schema, m.group(3), m.group(4));
        if (matches.isEmpty()) {
            throw ApiException.notFound();
        }
        if (multipleChoices(ex, api, schema, matches)) {
            return;
        }
        ex.json(200, RecordView.render(api, matches.getFirst(), ex.queryParam("fields").orElse(null)));
    }

    private void upsert(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = Lookups.readable(api, m.group(2));
        FieldSchema matchField = Lookups.externalIdField(api, schema, m.group(3));
        List<StoredRecord> matches = Lookups.byExternalId(api, schema, m.group(3), m.group(4));
        if (multipleChoices(ex, api, schema, matches)) {
            return;
        }
        Map<FieldSchema, Object> input = new LinkedHashMap<>(FieldInput.fromJson(schema, api.profile(), ex.jsonBody()));
        input.put(matchField, m.group(4));
        WriteResult result = write(api, schema, null, writer -> writer.upsert(schema, matchField, input));
        ex.json(result.created() ? 201 : 200, SaveResults.render(result, true));
    }

    private void deleteByExternalId(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = Lookups.readable(api, m.group(2));
        List<StoredRecord> matches = Lookups.byExternalId(api, schema, m.group(3), m.group(4));
        if (matches.isEmpty()) {
            throw ApiException.notFound();
        }
        if (multipleChoices(ex, api, schema, matches)) {
            return;
        }
        String id = matches.getFirst().id();
        write(api, schema, id, writer -> writer.delete(schema, id));
        ex.noContent();
    }

    /**
     * Writes one record as one call: under the org's write lock, where an injected record fault takes the write's place;
     * a refused record fails the call with Salesforce's error array.
     */
    private WriteResult write(ApiContext api, ObjectSchema schema, String id, Function<RecordWriter, WriteResult> write) {
        WriteResult result;
        synchronized (api.org().writeLock()) {
            result = RecordFaults.failure(host, schema.name(), id).orElseGet(() -> write.apply(new RecordWriter(api.org(), api.user())));
        }
        if (!result.success()) {
            throw SaveResults.failure(result);
        }
        return result;
    }

    /** Several records share the external ID: HTTP 300 with their URLs, as Salesforce answers. */
    private static boolean multipleChoices(Exchange ex, ApiContext api, ObjectSchema schema, List<StoredRecord> matches) {
        if (matches.size() <= 1) {
            return false;
        }
        ex.json(300, matches.stream().map(r -> api.recordUrl(schema.name(), r.id())).toList());
        return true;
    }

    /** Look-ups shared by the endpoints above, each failing the way Salesforce fails. */
    static final class Lookups {
        private Lookups() {
        }

        static ObjectSchema readable(ApiContext api, String name) {
            return api.org().schema(name)
                    .filter(s -> api.profile().can(s.name(), ObjectPermission.READ))
                    .orElseThrow(ApiException::notFound);
        }

        static StoredRecord existing(ApiContext api, ObjectSchema schema, String rawId) {
            String id = SalesforceIds.normalize(rawId).orElseThrow(() -> new ApiException(404, "NOT_FOUND",
                    "Provided external ID field does not exist or is not accessible: " + rawId));
            if (!id.startsWith(schema.keyPrefix())) {
                throw new ApiException(400, "MALFORMED_ID", schema.label() + " ID: id value of incorrect type: " + rawId, List.of("Id"));
            }
            return api.org().store(schema.name()).flatMap(s -> s.get(id)).orElseThrow(ApiException::notFound);
        }

        static StoredRecord live(ApiContext api, ObjectSchema schema, String rawId) {
            StoredRecord record = existing(api, schema, rawId);
            if (record.isDeleted()) {
                throw new ApiException(404, "ENTITY_IS_DELETED", "entity is deleted", List.of());
            }
            return record;
        }

        static FieldSchema externalIdField(ApiContext api, ObjectSchema schema, String name) {
            FieldSchema field = schema.field(name)
                    .filter(f -> api.profile().fieldAccess(schema.name(), f.name()).canRead())
                    .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + name));
            if (!field.externalId() && !field.name().equals("Id")) {
                throw new ApiException(400, "INVALID_FIELD", "Field " + field.name() + " is not an external id field for " + schema.name()
                        + "; mark it External ID in the object's field settings, or use an existing external ID field");
            }
            return field;
        }

        static List<StoredRecord> byExternalId(ApiContext api, ObjectSchema schema, String fieldName, String value) {
            FieldSchema field = externalIdField(api, schema, fieldName);
            if (field.name().equals("Id")) {
                return SalesforceIds.normalize(value).flatMap(id -> api.org().store(schema.name()).flatMap(s -> s.get(id)))
                        .filter(r -> !r.isDeleted()).map(List::of).orElse(List.of());
            }
            var store = api.org().store(schema.name()).orElseThrow();
            Object key = field.type().isNumber() ? parseNumber(value) : value;
            return store.findBy(field, key).stream().map(id -> store.get(id).orElseThrow()).toList();
        }

        private static Object parseNumber(String value) {
            try {
                return new java.math.BigDecimal(value);
            } catch (NumberFormatException e) {
                return value;
            }
        }
    }

}

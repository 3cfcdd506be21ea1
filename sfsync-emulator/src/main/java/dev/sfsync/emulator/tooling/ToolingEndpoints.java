package dev.sfsync.emulator.tooling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;
import dev.sfsync.emulator.metadata.CustomFieldSpec;
import dev.sfsync.emulator.metadata.FieldDefinitions;
import dev.sfsync.emulator.metadata.MetadataResult;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.rest.ApiContext;
import dev.sfsync.emulator.rest.RestAuth;
import dev.sfsync.emulator.write.RecordError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The Tooling API's CustomField under /services/data/vXX.X/tooling: create (FullName + Metadata), retrieve, update and
 * delete by id, and SOQL queries over CustomField. Errors come in the REST error format.
 */
public final class ToolingEndpoints {
    private static final String T = "/services/data/v([^/]+)/tooling";

    private final OrgHost host;
    private final CustomFieldRecords records;
    private final ToolingQuery query;

    public ToolingEndpoints(OrgHost host) {
        this.host = host;
        this.records = new CustomFieldRecords(host.org());
        this.query = new ToolingQuery(records);
    }

    public void register(Router router) {
        router.on("GET", T + "/query/?", (ex, m) -> query.run(ex, RestAuth.authenticate(host, ex, m.group(1))));
        router.on("POST", T + "/sobjects/CustomField/?", this::create);
        router.on("GET", T + "/sobjects/CustomField/([^/]+)/?", this::retrieve);
        router.on("PATCH", T + "/sobjects/CustomField/([^/]+)/?", this::update);
        router.on("DELETE", T + "/sobjects/CustomField/([^/]+)/?", this::delete);
    }

    private void create(Exchange ex, Matcher m) {
        ApiContext api = customizer(ex, m);
        JsonNode body = ex.jsonBody();
        String fullName = body.path("FullName").asText(null);
        if (fullName == null || fullName.isBlank()) {
            throw new ApiException(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [FullName] (e.g. \"FullName\": \"Account.Region__c\")",
                    List.of("FullName"));
        }
        if (!body.path("Metadata").isObject()) {
            throw new ApiException(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [Metadata] (e.g. \"Metadata\": "
                    + "{\"type\": \"Text\", \"length\": 40, \"label\": \"Region\"})", List.of("Metadata"));
        }
        MetadataResult result = new FieldDefinitions(api.org()).create(CustomFieldSpec.read(fullName, body.path("Metadata")));
        Map.Entry<ObjectSchema, FieldSchema> field = saved(api, result);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", records.idOf(field.getKey(), field.getValue()));
        out.put("success", true);
        out.put("errors", List.of());
        out.put("warnings", List.of());
        out.put("infos", List.of());
        ex.json(201, out);
    }

    private void retrieve(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        Map.Entry<ObjectSchema, FieldSchema> field = byId(m.group(2));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attributes", ToolingQuery.attributes(api, records.idOf(field.getKey(), field.getValue())));
        records.full(field.getKey(), field.getValue()).forEach((name, value) -> out.put(name, switch (value) {
            case java.time.Instant instant -> dev.sfsync.emulator.http.Json.formatDateTime(instant);
            case java.math.BigDecimal number -> number.intValue();
            case null -> null;
            default -> value;
        }));
        ex.json(200, out);
    }

    private void update(Exchange ex, Matcher m) {
        ApiContext api = customizer(ex, m);
        Map.Entry<ObjectSchema, FieldSchema> field = byId(m.group(2));
        JsonNode metadata = ex.jsonBody().path("Metadata");
        if (!metadata.isObject()) {
            throw new ApiException(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [Metadata] (send the whole field definition)",
                    List.of("Metadata"));
        }
        String fullName = field.getKey().name() + "." + field.getValue().name();
        saved(api, new FieldDefinitions(api.org()).update(CustomFieldSpec.read(fullName, metadata)));
        ex.noContent();
    }

    private void delete(Exchange ex, Matcher m) {
        ApiContext api = customizer(ex, m);
        Map.Entry<ObjectSchema, FieldSchema> field = byId(m.group(2));
        MetadataResult result = new FieldDefinitions(api.org()).delete(field.getKey().name() + "." + field.getValue().name());
        if (!result.success()) {
            throw failure(result);
        }
        ex.noContent();
    }

    private ApiContext customizer(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        if (!FieldDefinitions.mayCustomize(api.profile())) {
            throw new ApiException(400, "INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id "
                    + "(changing fields needs the Customize Application or Modify All Data permission)");
        }
        return api;
    }

    private Map.Entry<ObjectSchema, FieldSchema> byId(String rawId) {
        String id = SalesforceIds.normalize(rawId).filter(i -> i.startsWith("00N")).orElseThrow(() -> new ApiException(400, "MALFORMED_ID",
                "CustomField ID: id value of incorrect type: " + rawId));
        return records.byId(id).orElseThrow(ApiException::notFound);
    }

    private static Map.Entry<ObjectSchema, FieldSchema> saved(ApiContext api, MetadataResult result) {
        if (!result.success()) {
            throw failure(result);
        }
        String[] name = result.fullName().split("\\.", 2);
        ObjectSchema object = api.org().schema(name[0]).orElseThrow();
        return Map.entry(object, object.field(name[1]).orElseThrow());
    }

    private static ApiException failure(MetadataResult result) {
        List<ApiException.ErrorItem> items = new ArrayList<>();
        for (RecordError error : result.errors()) {
            items.add(new ApiException.ErrorItem(error.message(), error.statusCode(), error.fields()));
        }
        return new ApiException(400, items);
    }
}

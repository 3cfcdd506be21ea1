package dev.sfsync.salesforce.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.salesforce.describe.DescribeCache;
import dev.sfsync.salesforce.describe.DescribeGlobal;
import dev.sfsync.salesforce.describe.SObjectDescribe;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.internal.ApiCaller;
import dev.sfsync.salesforce.internal.ApiRequest;
import dev.sfsync.salesforce.internal.ApiRequest.Idempotency;
import dev.sfsync.salesforce.internal.Json;
import dev.sfsync.salesforce.internal.RawResponse;
import dev.sfsync.salesforce.internal.RequestBody;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Salesforce's REST API: versions, describes (cached), single-record writes, sObject Collections, query and
 * queryAll as lazy streams, limits and platform events. Thread-safe.
 *
 * <p>Record writes answer with a {@link SaveResult} even when Salesforce refused the record (a validation rule, a
 * lock that outlasted the retries …): a record's fate is data. Only a failure of the call itself (session, quota,
 * permission on the API, malformed request) throws a {@link SalesforceException}.
 */
public final class RestClient {
    private final ApiCaller caller;
    private final String apiVersion;
    private final DescribeCache describes;
    private final SObjectCollections collections;

    public RestClient(ApiCaller caller, String apiVersion) {
        this.caller = Objects.requireNonNull(caller, "caller is null");
        this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion is null");
        this.describes = new DescribeCache(caller, dataPath(""));
        this.collections = new SObjectCollections(caller, dataPath(""));
    }

    /** "/services/data/v62.0" + rest. */
    public String dataPath(String rest) {
        return "/services/data/v" + apiVersion + rest;
    }

    /** GET /services/data: the versions the org serves, oldest first. Costs no API request. */
    public List<ApiVersion> versions() {
        JsonNode body = getJson(ApiRequest.get("/services/data").withAuth(ApiRequest.Auth.NONE));
        List<ApiVersion> versions = new ArrayList<>();
        for (JsonNode v : body) {
            versions.add(new ApiVersion(v.path("label").asText(), v.path("url").asText(), v.path("version").asText()));
        }
        return versions;
    }

    public DescribeGlobal describeGlobal() {
        return describes.describeGlobal();
    }

    /** The object's describe, fetched once and then served from the cache; see {@link #describes()} to refresh. */
    public SObjectDescribe describe(String object) {
        return describes.describe(object);
    }

    public DescribeCache describes() {
        return describes;
    }

    public SObjectCollections collections() {
        return collections;
    }

    /**
     * Creates one record. ONCE_ONLY: if the connection drops after sending, the client does not send it again (that
     * could create a second record) and throws ServerError with outcomeUnknown; lock and 503 refusals are retried.
     */
    public SaveResult create(String object, Map<String, ?> fields) {
        return recordFate(() -> {
            ApiRequest request = ApiRequest.send("POST", dataPath("/sobjects/" + segment(object)), RequestBody.json(Json.write(fields)), Idempotency.ONCE_ONLY);
            return SaveResults.read(getJson(request), true);
        });
    }

    /** Updates one record by id. REPEATABLE: sending the same values twice leaves the record as once. */
    public SaveResult update(String object, String id, Map<String, ?> fields) {
        return recordFate(() -> {
            ApiRequest request = ApiRequest.send("PATCH", dataPath("/sobjects/" + segment(object) + "/" + segment(id)),
                    RequestBody.json(Json.write(fields)), Idempotency.REPEATABLE);
            try (RawResponse response = caller.call(request)) {
                response.readAll();
            }
            return SaveResult.succeeded(id, false);
        });
    }

    /**
     * Creates or updates the record whose external ID field holds {@code externalId}. REPEATABLE: a repeat finds the
     * record the first attempt made and updates it, so a retry never creates a second record (its result then says
     * created=false). Several matching records fail as DUPLICATE_EXTERNAL_ID.
     */
    public SaveResult upsert(String object, String externalIdField, String externalId, Map<String, ?> fields) {
        if (externalId == null || externalId.isEmpty() || externalId.contains("/")) {
            throw new IllegalArgumentException("a single-record upsert puts the external ID in the URL, so it must be non-empty and "
                    + "contain no '/' (got '" + externalId + "'); use collections().upsert(...) for such values");
        }
        return recordFate(() -> {
            ApiRequest request = ApiRequest.send("PATCH", dataPath("/sobjects/" + segment(object) + "/" + segment(externalIdField) + "/" + segment(externalId)),
                    RequestBody.json(Json.write(fields)), Idempotency.REPEATABLE);
            try (RawResponse response = caller.call(request)) {
                if (response.status() == 300) {
                    List<String> matches = new ArrayList<>();
                    Json.read(response.readAll()).forEach(url -> matches.add(url.asText()));
                    return SaveResult.failed(null, List.of(new SalesforceError("DUPLICATE_EXTERNAL_ID",
                            externalIdField + " = " + externalId + " matches " + matches.size() + " records: " + String.join(", ", matches),
                            List.of(externalIdField))));
                }
                byte[] body = response.readAll();
                // Before API 46.0 an update through upsert answered 204 with no body, so there is no id to report.
                return body.length == 0 ? SaveResult.succeeded(null, false) : SaveResults.read(Json.read(body), response.status() == 201);
            }
        });
    }

    /** Deletes one record. REPEATABLE: a repeat after a lost answer reports ENTITY_IS_DELETED for the record it deleted. */
    public SaveResult delete(String object, String id) {
        return recordFate(() -> {
            try (RawResponse response = caller.call(ApiRequest.delete(dataPath("/sobjects/" + segment(object) + "/" + segment(id))))) {
                response.readAll();
            }
            return SaveResult.succeeded(id, false);
        });
    }

    /** A lazy stream over every row the SOQL query returns, fetching nextRecordsUrl pages as it is read. Close it. */
    public RecordStream query(String soql) {
        return query(soql, false, 0);
    }

    /** Like {@link #query} but including deleted and archived records (queryAll). */
    public RecordStream queryAll(String soql) {
        return query(soql, true, 0);
    }

    /** @param batchSize records per page, 200 to 2000 (a hint Salesforce may round); 0 for Salesforce's default */
    public RecordStream query(String soql, boolean includeDeleted, int batchSize) {
        if (batchSize != 0 && (batchSize < 200 || batchSize > 2000)) {
            throw new IllegalArgumentException("a query batch size is 200 to 2000 records (or 0 for the default), not " + batchSize);
        }
        String first = dataPath((includeDeleted ? "/queryAll" : "/query") + "?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
        return new RecordStream(target -> {
            ApiRequest request = ApiRequest.get(target);
            if (batchSize > 0) {
                request = request.withHeader("Sforce-Query-Options", "batchSize=" + batchSize);
            }
            return caller.call(request).body();
        }, first);
    }

    /** A Tooling API query (/tooling/query), e.g. {@code SELECT Id, DeveloperName FROM CustomField WHERE TableEnumOrId = 'Account'}. */
    public RecordStream toolingQuery(String soql) {
        String first = dataPath("/tooling/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
        return new RecordStream(target -> caller.call(ApiRequest.get(target)).body(), first);
    }

    /** GET /services/oauth2/userinfo on the instance: who the connection acts as. Costs no API request. */
    public dev.sfsync.salesforce.auth.Identity userinfo() {
        return dev.sfsync.salesforce.auth.Identity.of(getJson(ApiRequest.get("/services/oauth2/userinfo")));
    }

    /** GET /limits; also refreshes the client's view of the daily API usage. */
    public Map<String, OrgLimit> limits() {
        Map<String, OrgLimit> limits = OrgLimit.parse(getJson(ApiRequest.get(dataPath("/limits"))));
        OrgLimit daily = limits.get("DailyApiRequests");
        if (daily != null) {
            caller.usage().observeRemaining(daily.max(), daily.remaining());
        }
        return limits;
    }

    /**
     * Publishes one platform event (an object ending in __e). ONCE_ONLY: a publish whose answer is lost is not repeated,
     * since subscribers would receive it twice.
     */
    public SaveResult publish(String eventName, Map<String, ?> payload) {
        if (!eventName.endsWith("__e")) {
            throw new IllegalArgumentException("platform events are objects whose API name ends in __e, not '" + eventName + "'");
        }
        return create(eventName, payload);
    }

    /** Publishes events through sObject Collections, 200 per call, results in input order. */
    public List<SaveResult> publishAll(String eventName, List<? extends Map<String, ?>> payloads) {
        if (!eventName.endsWith("__e")) {
            throw new IllegalArgumentException("platform events are objects whose API name ends in __e, not '" + eventName + "'");
        }
        return collections.create(eventName, payloads);
    }

    JsonNode getJson(ApiRequest request) {
        try (RawResponse response = caller.call(request)) {
            return Json.read(response.readAll());
        }
    }

    /** Turns a single-record call's refusal of the record into its SaveResult; call-level failures still throw. */
    private static SaveResult recordFate(Supplier<SaveResult> write) {
        try {
            return write.get();
        } catch (SalesforceException e) {
            boolean recordRefused = (e.httpStatus() == 400 || e.httpStatus() == 404)
                    && e.errors().stream().allMatch(error -> error.explanation().recordLevel());
            if (recordRefused) {
                return SaveResult.failed(null, e.errors());
            }
            throw e;
        }
    }

    /** A path segment: URLEncoder writes spaces as '+', which a path keeps literally. */
    static String segment(String value) {
        Objects.requireNonNull(value, "a path segment is null");
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

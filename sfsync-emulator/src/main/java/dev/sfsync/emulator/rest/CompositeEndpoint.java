package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Json;
import dev.sfsync.emulator.http.Router;
import dev.sfsync.emulator.http.SubExchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The composite resources: {@code /composite} (up to 25 subrequests, later ones using earlier answers through
 * {@code @{refId.field}}, optionally all or none), {@code /composite/batch} (up to 25 independent subrequests) and
 * {@code /composite/tree/{object}} ({@link CompositeTree}), {@code /composite/graph} ({@link CompositeGraph}). Each subrequest runs through the same routes as a request of
 * its own; the whole counts as one API call, as Salesforce counts it.
 */
final class CompositeEndpoint {
    static final int MAX_SUBREQUESTS = 25;
    private static final String V = "/services/data/v([^/]+)";
    private static final Pattern REFERENCE_ID = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern CREATE = Pattern.compile("/services/data/v[^/]+/sobjects/([^/]+)/?");
    private static final String ROLLED_BACK = "The transaction was rolled back since another operation in the same transaction failed.";

    private final OrgHost host;
    private final Router router;

    CompositeEndpoint(OrgHost host, Router router) {
        this.host = host;
        this.router = router;
    }

    void register(Router routes) {
        routes.on("POST", V + "/composite/?", this::composite);
        routes.on("POST", V + "/composite/batch/?", this::batch);
        routes.on("POST", V + "/composite/graph/?", (ex, m) -> new CompositeGraph(this).run(ex, RestAuth.authenticate(host, ex, m.group(1))));
        routes.on("POST", V + "/composite/tree/([^/]+)/?", (ex, m) -> new CompositeTree(host, this).create(ex, m.group(1), m.group(2)));
    }

    private void composite(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        JsonNode body = ex.jsonBody();
        JsonNode requests = body.path("compositeRequest");
        if (!requests.isArray() || requests.isEmpty()) {
            throw new ApiException(400, "JSON_PARSER_ERROR", "compositeRequest is required: a list of subrequests with method, url and referenceId");
        }
        if (requests.size() > MAX_SUBREQUESTS) {
            throw new ApiException(400, "LIMIT_EXCEEDED", "A composite request can have at most " + MAX_SUBREQUESTS + " subrequests; it has " + requests.size());
        }
        checkReferenceIds(requests);
        List<Map<String, Object>> results = runAll(ex, api, requests, body.path("allOrNone").asBoolean(false));
        ex.json(200, Map.of("compositeResponse", results));
    }

    /**
     * Runs composite subrequests in order, later ones reading earlier answers; with {@code allOrNone} the first failure
     * rolls back what the others did and marks them halted.
     */
    List<Map<String, Object>> runAll(Exchange ex, ApiContext api, JsonNode requests, boolean allOrNone) {
        CompositeReferences references = new CompositeReferences();
        UndoLog undo = new UndoLog(api.org());
        List<Map<String, Object>> results = new ArrayList<>();
        int failed = -1;
        // All or none holds the org's write lock throughout, so no other writer sees what a rollback takes back.
        synchronized (allOrNone ? api.org().writeLock() : new Object()) {
            for (JsonNode request : requests) {
                String referenceId = request.path("referenceId").asText();
                if (failed >= 0 && allOrNone) {
                    results.add(halted(referenceId, ROLLED_BACK));
                    continue;
                }
                Map<String, Object> result = runOne(ex, request, references, allOrNone ? undo : null);
                results.add(result);
                if ((int) result.get("httpStatusCode") >= 400 && failed < 0) {
                    failed = results.size() - 1;
                }
            }
            if (failed >= 0 && allOrNone) {
                undo.rollback();
                for (int i = 0; i < failed; i++) {
                    results.set(i, halted((String) results.get(i).get("referenceId"), ROLLED_BACK));
                }
            }
        }
        return results;
    }

    private Map<String, Object> runOne(Exchange ex, JsonNode request, CompositeReferences references, UndoLog undo) {
        String referenceId = request.path("referenceId").asText();
        String method = request.path("method").asText("GET").toUpperCase(java.util.Locale.ROOT);
        String url;
        JsonNode body;
        try {
            url = references.resolve(request.path("url").asText());
            body = references.resolve(request.get("body"));
        } catch (CompositeReferences.Unresolved e) {
            return halted(referenceId, e.getMessage());
        }
        if (!url.startsWith("/services/data/")) {
            return result(referenceId, 400, Map.of(), Json.MAPPER.valueToTree(new ApiException(400, "INVALID_INPUT",
                    "The url of a subrequest starts with /services/data/vXX.X/, not " + url).body()));
        }
        if (undo != null) {
            undo.before(method, url.contains("?") ? url.substring(0, url.indexOf('?')) : url);
        }
        SubExchange sub = run(ex, method, url, headers(request.path("httpHeaders")), body);
        JsonNode answer = sub.responseJson();
        if (sub.status() < 400) {
            references.answer(referenceId, answer);
            Matcher create = CREATE.matcher(url);
            if (undo != null && method.equals("POST") && sub.status() == 201 && create.matches() && answer != null && answer.hasNonNull("id")) {
                undo.created(create.group(1), answer.path("id").asText());
            }
        }
        return result(referenceId, sub.status(), sub.responseHeaders(), answer);
    }

    /** Runs one subrequest through the routes; failures become its answer, as they would be a request's own. */
    SubExchange run(Exchange parent, String method, String url, Map<String, String> headers, JsonNode body) {
        SubExchange sub = new SubExchange(parent, method, url, headers, body);
        try {
            if (!router.dispatch(sub)) {
                throw ApiException.notFound();
            }
        } catch (ApiException e) {
            if (!sub.committed()) {
                sub.json(e.status(), e.body());
            }
        } catch (Exception e) {
            if (!sub.committed()) {
                sub.json(500, new ApiException(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred: " + e).body());
            }
        }
        return sub;
    }

    private void batch(Exchange ex, Matcher m) {
        RestAuth.authenticate(host, ex, m.group(1));
        JsonNode body = ex.jsonBody();
        JsonNode requests = body.path("batchRequests");
        if (!requests.isArray() || requests.isEmpty()) {
            throw new ApiException(400, "JSON_PARSER_ERROR", "batchRequests is required: a list of subrequests with method and url");
        }
        if (requests.size() > MAX_SUBREQUESTS) {
            throw new ApiException(400, "LIMIT_EXCEEDED", "A batch can have at most " + MAX_SUBREQUESTS + " subrequests; it has " + requests.size());
        }
        boolean haltOnError = body.path("haltOnError").asBoolean(false);
        boolean hasErrors = false;
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode request : requests) {
            Map<String, Object> result = new LinkedHashMap<>();
            if (hasErrors && haltOnError) {
                result.put("result", new ApiException(412, "BATCH_PROCESSING_HALTED", "Batch processing halted per request").body());
                result.put("statusCode", 412);
                results.add(result);
                continue;
            }
            // Batch URLs are relative to /services/data/ (v60.0/sobjects/...), the docs' examples show both forms.
            String url = request.path("url").asText().replaceFirst("^/?(services/data/)?", "/services/data/");
            SubExchange sub = run(ex, request.path("method").asText("GET").toUpperCase(java.util.Locale.ROOT), url, Map.of(), request.get("richInput"));
            hasErrors |= sub.status() >= 400;
            result.put("result", sub.responseJson());
            result.put("statusCode", sub.status());
            results.add(result);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("hasErrors", hasErrors);
        answer.put("results", results);
        ex.json(200, answer);
    }

    static void checkReferenceIds(JsonNode requests) {
        Set<String> seen = new HashSet<>();
        for (JsonNode request : requests) {
            String id = request.path("referenceId").asText("");
            if (!REFERENCE_ID.matcher(id).matches()) {
                throw new ApiException(400, "INVALID_INPUT", "Every subrequest needs a referenceId of letters, digits and underscores; got '" + id + "'");
            }
            if (!seen.add(id)) {
                throw new ApiException(400, "INVALID_INPUT", "Duplicate ReferenceId provided in the request: " + id);
            }
            if (!request.hasNonNull("url") || !request.hasNonNull("method")) {
                throw new ApiException(400, "INVALID_INPUT", "Subrequest " + id + " needs a method and a url");
            }
        }
    }

    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> headers = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return headers;
    }

    static Map<String, Object> halted(String referenceId, String message) {
        return result(referenceId, 400, Map.of(), Json.MAPPER.valueToTree(new ApiException(400, "PROCESSING_HALTED", message).body()));
    }

    private static Map<String, Object> result(String referenceId, int status, Map<String, String> headers, JsonNode body) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("body", body);
        result.put("httpHeaders", headers);
        result.put("httpStatusCode", status);
        result.put("referenceId", referenceId);
        return result;
    }
}

package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * {@code GET /search?q=SOSL} and {@code /parameterizedSearch} (GET with q, sobject, {Object}.fields, in, overallLimit;
 * or POST with the same as JSON), answering {@code {"searchRecords": [...]}} as Salesforce does from API 37.0 on.
 */
final class SearchEndpoints {
    private static final String V = "/services/data/v([^/]+)";

    private final OrgHost host;

    SearchEndpoints(OrgHost host) {
        this.host = host;
    }

    void register(Router router) {
        router.on("GET", V + "/search/?", this::search);
        router.on("GET", V + "/parameterizedSearch/?", this::parameterizedGet);
        router.on("POST", V + "/parameterizedSearch/?", this::parameterizedPost);
    }

    private void search(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        String sosl = ex.queryParam("q").filter(q -> !q.isBlank())
                .orElseThrow(() -> new ApiException(400, "MALFORMED_SEARCH", "A search string has to be specified: ?q=FIND {terms}"));
        answer(ex, SoslSearch.parse(sosl).run(api));
    }

    private void parameterizedGet(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        String q = ex.queryParam("q").filter(s -> !s.isBlank())
                .orElseThrow(() -> new ApiException(400, "MALFORMED_SEARCH", "parameterizedSearch needs q, the search term"));
        List<String> returning = new ArrayList<>();
        for (String object : ex.queryParam("sobject").map(s -> s.split(",")).orElse(new String[0])) {
            String fields = ex.queryParam(object.trim() + ".fields").or(() -> ex.queryParam("fields")).orElse("Id");
            String limit = ex.queryParam(object.trim() + ".limit").map(l -> " LIMIT " + l).orElse("");
            returning.add(object.trim() + "(" + fields + limit + ")");
        }
        answer(ex, SoslSearch.parse(sosl(q, ex.queryParam("in").orElse("ALL"), returning, ex.queryParam("overallLimit").orElse(null))).run(api));
    }

    private void parameterizedPost(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        JsonNode body = ex.jsonBody();
        String q = body.path("q").asText("");
        if (q.isBlank()) {
            throw new ApiException(400, "MALFORMED_SEARCH", "parameterizedSearch needs q, the search term");
        }
        List<String> returning = new ArrayList<>();
        for (JsonNode object : body.path("sobjects")) {
            JsonNode fields = object.has("fields") ? object.path("fields") : body.path("fields");
            List<String> names = new ArrayList<>();
            fields.forEach(f -> names.add(f.asText()));
            String limit = object.has("limit") ? " LIMIT " + object.path("limit").asInt() : "";
            returning.add(object.path("name").asText() + "(" + (names.isEmpty() ? "Id" : String.join(", ", names)) + limit + ")");
        }
        answer(ex, SoslSearch.parse(sosl(q, body.path("in").asText("ALL"), returning,
                body.hasNonNull("overallLimit") ? body.path("overallLimit").asText() : null)).run(api));
    }

    private static String sosl(String term, String in, List<String> returning, String limit) {
        String escaped = term.replaceAll("([?&|!{}\\[\\]()^~:\\\\\"'+-])", "\\\\$1").replace("\\\"", "\"");
        return "FIND {" + escaped + "} IN " + in + " FIELDS" + (returning.isEmpty() ? "" : " RETURNING " + String.join(", ", returning))
                + (limit == null ? "" : " LIMIT " + limit);
    }

    private static void answer(Exchange ex, List<Map<String, Object>> records) {
        ex.json(200, Map.of("searchRecords", records));
    }
}

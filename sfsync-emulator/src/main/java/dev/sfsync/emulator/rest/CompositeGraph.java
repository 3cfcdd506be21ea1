package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /composite/graph}: independent graphs of composite subrequests, each all or none (a failing node rolls
 * its graph back, the other graphs go on), within Salesforce's documented limits: 75 graphs, 500 nodes in all and in
 * one graph, a depth of 15 references, 15 different nodes (API version, method and object), and no more than 14 failed
 * graphs (the graphs after that are answered PROCESSING_HALTED). Nodes may only be record resources: create, the
 * record by Id and the record by external ID.
 */
final class CompositeGraph {
    static final int MAX_GRAPHS = 75;
    static final int MAX_NODES = 500;
    static final int MAX_DEPTH = 15;
    static final int MAX_DIFFERENT_NODES = 15;
    static final int MAX_FAILED_GRAPHS = 14;
    private static final Pattern GRAPH_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,40}");
    private static final Pattern REFERENCE = Pattern.compile("@\\{([A-Za-z0-9_]+)[.\\[}]");
    private static final Pattern RECORD_URL = Pattern.compile("/services/data/(v[^/]+)/sobjects/([^/?]+)(/[^/?]+)?(/[^/?]+)?/?(\\?.*)?");

    private final CompositeEndpoint composite;

    CompositeGraph(CompositeEndpoint composite) {
        this.composite = composite;
    }

    void run(Exchange ex, ApiContext api) {
        JsonNode graphs = ex.jsonBody().path("graphs");
        if (!graphs.isArray() || graphs.isEmpty()) {
            throw new ApiException(400, "JSON_PARSER_ERROR", "graphs is required: a list of {\"graphId\": ..., \"compositeRequest\": [...]}");
        }
        checkLimits(graphs);
        List<Map<String, Object>> answers = new ArrayList<>();
        int failures = 0;
        for (JsonNode graph : graphs) {
            String graphId = graph.path("graphId").asText();
            JsonNode requests = graph.path("compositeRequest");
            List<Map<String, Object>> results;
            if (failures > MAX_FAILED_GRAPHS) {
                results = new ArrayList<>();
                for (JsonNode request : requests) {
                    results.add(CompositeEndpoint.halted(request.path("referenceId").asText(),
                            "Processing halted: more than " + MAX_FAILED_GRAPHS + " graphs of this request failed"));
                }
            } else {
                results = composite.runAll(ex, api, requests, true);
            }
            boolean successful = results.stream().allMatch(r -> (int) r.get("httpStatusCode") < 400);
            if (!successful) {
                failures++;
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("graphId", graphId);
            answer.put("graphResponse", Map.of("compositeResponse", results));
            answer.put("isSuccessful", successful);
            answers.add(answer);
        }
        ex.json(200, Map.of("graphs", answers));
    }

    private static void checkLimits(JsonNode graphs) {
        if (graphs.size() > MAX_GRAPHS) {
            throw limit("A composite graph request can have at most " + MAX_GRAPHS + " graphs; it has " + graphs.size());
        }
        Set<String> graphIds = new HashSet<>();
        Set<String> differentNodes = new HashSet<>();
        int nodes = 0;
        for (JsonNode graph : graphs) {
            String graphId = graph.path("graphId").asText("");
            if (!GRAPH_ID.matcher(graphId).matches()) {
                throw new ApiException(400, "INVALID_INPUT", "Every graph needs a graphId of up to 40 letters, digits, _ and -; got '" + graphId + "'");
            }
            if (!graphIds.add(graphId)) {
                throw new ApiException(400, "INVALID_INPUT", "Duplicate graphId provided in the request: " + graphId);
            }
            JsonNode requests = graph.path("compositeRequest");
            if (!requests.isArray() || requests.isEmpty()) {
                throw new ApiException(400, "INVALID_INPUT", "Graph " + graphId + " needs a compositeRequest: a list of subrequests");
            }
            if (requests.size() > MAX_NODES) {
                throw limit("Graph " + graphId + " has " + requests.size() + " nodes; a graph can have at most " + MAX_NODES);
            }
            nodes += requests.size();
            CompositeEndpoint.checkReferenceIds(requests);
            for (JsonNode request : requests) {
                differentNodes.add(nodeKind(graphId, request));
            }
            int depth = depth(requests);
            if (depth > MAX_DEPTH) {
                throw limit("Graph " + graphId + " is " + depth + " nodes deep; a graph can be at most " + MAX_DEPTH + " deep");
            }
        }
        if (nodes > MAX_NODES) {
            throw limit("A composite graph request can have at most " + MAX_NODES + " nodes in all; it has " + nodes);
        }
        if (differentNodes.size() > MAX_DIFFERENT_NODES) {
            throw limit("A composite graph request can use at most " + MAX_DIFFERENT_NODES
                    + " different nodes (API version, method and object); it uses " + differentNodes.size());
        }
    }

    /** The version, method and object of a node; only record resources may be nodes of a graph. */
    private static String nodeKind(String graphId, JsonNode request) {
        String method = request.path("method").asText().toUpperCase(Locale.ROOT);
        String url = request.path("url").asText();
        Matcher record = RECORD_URL.matcher(url);
        boolean supported = record.matches() && switch (method) {
            case "POST" -> record.group(3) == null || record.group(4) != null;
            case "GET", "PATCH", "DELETE" -> record.group(3) != null;
            default -> false;
        };
        if (!supported) {
            throw new ApiException(400, "INVALID_INPUT", "Node " + request.path("referenceId").asText() + " of graph " + graphId + " is "
                    + method + " " + url + "; graph nodes can only be POST /sobjects/{object}, GET|PATCH|DELETE /sobjects/{object}/{id}"
                    + " or GET|PATCH|POST|DELETE /sobjects/{object}/{externalIdField}/{value}");
        }
        return record.group(1) + " " + method + " " + record.group(2).toLowerCase(Locale.ROOT);
    }

    /** The longest chain of nodes each referring to the one before (a node alone is 1 deep). */
    private static int depth(JsonNode requests) {
        Map<String, Set<String>> refersTo = new HashMap<>();
        for (JsonNode request : requests) {
            Set<String> targets = new HashSet<>();
            Matcher m = REFERENCE.matcher(request.path("url").asText() + " " + request.path("body"));
            while (m.find()) {
                targets.add(m.group(1));
            }
            refersTo.put(request.path("referenceId").asText(), targets);
        }
        Map<String, Integer> depths = new HashMap<>();
        int deepest = 0;
        for (String node : refersTo.keySet()) {
            deepest = Math.max(deepest, depthOf(node, refersTo, depths, new HashSet<>()));
        }
        return deepest;
    }

    private static int depthOf(String node, Map<String, Set<String>> refersTo, Map<String, Integer> depths, Set<String> visiting) {
        Integer known = depths.get(node);
        if (known != null) {
            return known;
        }
        if (!visiting.add(node)) {
            throw new ApiException(400, "INVALID_INPUT", "The nodes of a graph refer to each other in a cycle through " + node);
        }
        int deepest = 0;
        for (String target : refersTo.getOrDefault(node, Set.of())) {
            if (refersTo.containsKey(target)) {
                deepest = Math.max(deepest, depthOf(target, refersTo, depths, visiting));
            }
        }
        visiting.remove(node);
        depths.put(node, deepest + 1);
        return deepest + 1;
    }

    private static ApiException limit(String message) {
        return new ApiException(400, "LIMIT_EXCEEDED", message);
    }
}

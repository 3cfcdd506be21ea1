package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sfsync.emulator.rest.CompositeEndpointTest.sub;
import static org.assertj.core.api.Assertions.assertThat;

class CompositeGraphTest extends EmulatorTest {
    @Test
    void each_graph_creates_its_records_with_references_between_its_nodes() {
        Http.Response response = graphs(
                graph("g1", sub("POST", data("/sobjects/Account"), "acct", Map.of("Name", "Graph One")),
                        sub("POST", data("/sobjects/Contact"), "person", Map.of("LastName", "Node", "AccountId", "@{acct.id}"))),
                graph("g2", sub("POST", data("/sobjects/Account"), "acct", Map.of("Name", "Graph Two"))));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answers = response.json().path("graphs");
        assertThat(answers).hasSize(2);
        JsonNode first = answers.get(0);
        assertThat(first.path("graphId").asText()).isEqualTo("g1");
        assertThat(first.path("isSuccessful").asBoolean()).isTrue();
        JsonNode nodes = first.path("graphResponse").path("compositeResponse");
        String accountId = nodes.get(0).path("body").path("id").asText();
        String contactId = nodes.get(1).path("body").path("id").asText();
        assertThat(http.get(data("/sobjects/Contact/" + contactId)).json().path("AccountId").asText()).isEqualTo(accountId);
        assertThat(answers.get(1).path("isSuccessful").asBoolean()).isTrue();
    }

    @Test
    void a_failing_node_rolls_back_its_own_graph_only() {
        long before = host.org().store("Account").orElseThrow().liveCount();

        JsonNode answers = graphs(
                graph("bad", sub("POST", data("/sobjects/Account"), "ok", Map.of("Name", "Rolled Back")),
                        sub("POST", data("/sobjects/Account"), "broken", Map.of("NoSuchField__c", "x"))),
                graph("good", sub("POST", data("/sobjects/Account"), "kept", Map.of("Name", "Kept")))).json().path("graphs");

        assertThat(answers.get(0).path("isSuccessful").asBoolean()).isFalse();
        JsonNode badNodes = answers.get(0).path("graphResponse").path("compositeResponse");
        assertThat(badNodes.get(0).path("body").get(0).path("errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        assertThat(badNodes.get(1).path("body").get(0).path("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(answers.get(1).path("isSuccessful").asBoolean()).isTrue();
        assertThat(host.org().store("Account").orElseThrow().liveCount()).isEqualTo(before + 1);
    }

    @Test
    void graphs_over_the_documented_limits_are_refused_as_a_whole() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < CompositeGraph.MAX_GRAPHS + 1; i++) {
            many.add(graph("g" + i, sub("GET", data("/sobjects/Account/001000000000000AAA"), "r", null)));
        }
        Http.Response tooMany = http.post(data("/composite/graph"), Map.of("graphs", many));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errorCode()).isEqualTo("LIMIT_EXCEEDED");

        List<Map<String, Object>> chain = new ArrayList<>();
        chain.add(sub("POST", data("/sobjects/Account"), "n0", Map.of("Name", "Deep")));
        for (int i = 1; i <= CompositeGraph.MAX_DEPTH; i++) {
            chain.add(sub("PATCH", data("/sobjects/Account/@{n" + (i - 1) + ".id}"), "n" + i, Map.of("Name", "Deep " + i)));
        }
        Http.Response tooDeep = graphs(graph("deep", chain.toArray(Map[]::new)));
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.body()).contains("16 nodes deep");

        Http.Response query = graphs(graph("q", sub("GET", data("/query?q=SELECT+Id+FROM+Account"), "q", null)));
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.errorCode()).isEqualTo("INVALID_INPUT");
    }

    private Http.Response graphs(Map<?, ?>... graphs) {
        return http.post(data("/composite/graph"), Map.of("graphs", List.of(graphs)));
    }

    private static Map<String, Object> graph(String id, Map<?, ?>... nodes) {
        return Map.of("graphId", id, "compositeRequest", List.of(nodes));
    }
}

package dev.sfsync.emulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /__admin/faults: set, show, remove and replay the faults of a running org. */
class FaultAdminEndpointsTest extends EmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULES = """
            {"seed":42,
             "latency":[{"api":"rest","fixedMillis":5,"jitterMillis":0,"rate":1.0}],
             "errors":[{"api":"rest","path":"/composite/","rate":0.01,"status":503},{"rate":0.05,"times":3,"errorCode":"UNABLE_TO_LOCK_ROW"}],
             "dropConnections":[{"api":"bulk2","rate":0.01,"when":"after"}],
             "tokenExpiry":[{"afterCalls":100}],
             "recordErrors":[{"api":"rest","object":"Account","rate":0.05,"errorCode":"UNABLE_TO_LOCK_ROW","message":"locked"}]}""";

    private Http.Response put(String body) {
        return http.put("/__admin/faults", "application/json", body);
    }

    @Test
    void the_rules_read_back_in_the_shape_they_were_written() throws Exception {
        Http.Response put = put(RULES);

        assertThat(put.status()).isEqualTo(200);
        assertThat(http.get("/__admin/faults").json()).isEqualTo(JSON.readTree(RULES));
        assertThat(host.faults().seed()).isEqualTo(42);
    }

    @Test
    void every_problem_is_reported_with_its_path_and_fix_and_nothing_changes() {
        put("{\"errors\":[{\"status\":503}]}");

        Http.Response response = put("""
                {"errors":[{"api":"rset","rate":1.5,"status":503},{"rate":0.1}],
                 "recordErrors":[{"object":"Acount","errorCode":"UNABLE_TO_LOCK_ROW"}],
                 "tokenExpiry":[{"api":"oauth","afterCalls":10}],
                 "latncy":[]}""");

        assertThat(response.status()).isEqualTo(400);
        List<String> messages = new ArrayList<>();
        response.json().forEach(item -> messages.add(item.path("message").asText()));
        assertThat(response.json()).allSatisfy(item -> assertThat(item.path("errorCode").asText()).isEqualTo("INVALID_FAULTS"));
        assertThat(messages).containsExactlyInAnyOrder(
                "latncy: unknown key (fix: did you mean 'latency'?)",
                "errors[0].api: 'rset' is not an API (fix: did you mean 'rest'? one of oauth, rest, bulk1, bulk2, soap, or leave api out for every API but oauth)",
                "errors[0].rate: '1.5' is not a rate (fix: a number from 0 to 1, e.g. 0.05 for 5 % of calls)",
                "errors[1]: an error rule needs a status or an errorCode (fix: add status: 503 or errorCode: UNABLE_TO_LOCK_ROW)",
                "recordErrors[0].object: no object named 'Acount' (fix: did you mean 'Account'?)",
                "tokenExpiry[0].api: OAuth calls issue tokens rather than use them (fix: name the API whose calls should find their token expired, or leave api out)");
        assertThat(http.get("/__admin/faults").json().path("errors")).as("the rules in force stay").hasSize(1);
    }

    @Test
    void delete_removes_every_fault_and_keeps_the_seed() {
        put("{\"seed\":7,\"errors\":[{\"status\":503}]}");

        assertThat(http.delete("/__admin/faults").status()).isEqualTo(204);

        assertThat(http.get(data("/limits")).status()).isEqualTo(200);
        assertThat(http.get("/__admin/faults").json().toString()).isEqualTo("{\"seed\":7}");
    }

    @Test
    void a_new_seed_restarts_the_count_and_empties_the_log() {
        put("{\"errors\":[{\"api\":\"rest\",\"status\":503}]}");
        http.get(data("/limits"));
        assertThat(http.get("/__admin/faults/log").json().path("events")).hasSize(1);

        Http.Response seed = http.post("/__admin/faults/seed", "{\"seed\":1234}");

        assertThat(seed.json().path("seed").asLong()).isEqualTo(1234);
        JsonNode log = http.get("/__admin/faults/log").json();
        assertThat(log.path("seed").asLong()).isEqualTo(1234);
        assertThat(log.path("calls").asLong()).isZero();
        assertThat(log.path("events")).isEmpty();
        assertThat(http.post("/__admin/faults/seed", "{\"seed\":\"x\"}").status()).isEqualTo(400);
    }

    @Test
    void a_reset_goes_back_to_the_org_files_faults() {
        String yaml = """
                faults:
                  seed: 3
                  errors: [{api: rest, status: 503}]
                """;
        try (Emulator withFaults = Emulator.builder().org(OrgDefinitionLoader.load(yaml.getBytes(StandardCharsets.UTF_8), "faulty.yaml")).build().start()) {
            Http admin = new Http(withFaults.host().baseUrl());
            admin.put("/__admin/faults", "application/json", "{\"seed\":9,\"latency\":[{\"fixedMillis\":1}]}");
            assertThat(admin.get("/__admin/faults").json().path("errors").isMissingNode()).isTrue();

            assertThat(admin.post("/__admin/reset", "").status()).isEqualTo(204);

            JsonNode restored = admin.get("/__admin/faults").json();
            assertThat(restored.path("seed").asLong()).isEqualTo(3);
            assertThat(restored.path("errors").get(0).path("status").asInt()).isEqualTo(503);
            assertThat(restored.path("latency").isMissingNode()).isTrue();
            assertThat(Http.loggedIn(withFaults.host()).get(data("/limits")).status()).isEqualTo(503);
        }
    }
}

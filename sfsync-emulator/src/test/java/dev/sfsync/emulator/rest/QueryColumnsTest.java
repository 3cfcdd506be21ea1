package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class QueryColumnsTest extends EmulatorTest {
    @Test
    void columns_true_describes_the_selected_columns_with_joins_for_parent_fields() {
        JsonNode body = get("/query?columns=true&q=" + encode("SELECT Id, LastName, Account.Name FROM Contact"));

        JsonNode columns = body.path("columnMetadata");
        assertThat(body.path("entityName").asText()).isEqualTo("Contact");
        assertThat(columns).hasSize(3);
        assertThat(columns.get(0).path("columnName").asText()).isEqualTo("Id");
        assertThat(columns.get(2).path("columnName").asText()).isEqualTo("Account");
        assertThat(columns.get(2).path("joinColumns").get(0).path("columnName").asText()).isEqualTo("Name");
        assertThat(columns.get(1).path("aggregate").asBoolean()).isFalse();
    }

    @Test
    void explain_answers_the_documented_plan_shape() {
        JsonNode plan = get("/query?explain=" + encode("SELECT Id FROM Account")).path("plans").get(0);

        assertThat(plan.path("sobjectType").asText()).isEqualTo("Account");
        assertThat(plan.path("leadingOperationType").asText()).isEqualTo("TableScan");
        assertThat(plan.has("relativeCost")).isTrue();
        assertThat(plan.path("notes").isArray()).isTrue();
    }

    private JsonNode get(String path) {
        Http.Response response = http.get(data(path));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String encode(String soql) {
        return URLEncoder.encode(soql, StandardCharsets.UTF_8);
    }
}

package dev.sfsync.testing;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatedOrgTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/demo.yaml");

    private static HttpResponse<String> post(EmulatedOrg org, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(org.instanceUrl() + path))
                .header("Authorization", "Bearer " + org.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void a_test_can_write_through_the_api_and_assert_on_the_org(EmulatedOrg injected) throws Exception {
        assertThat(injected).isSameAs(org);
        assertThat(post(org, "/services/data/v60.0/sobjects/Account", "{\"Name\":\"Made in a test\"}").statusCode()).isEqualTo(201);
        assertThat(org.records("Account")).extracting(r -> r.get("Name")).containsExactly("Seeded", "Made in a test");
    }

    @Test
    @Order(2)
    void each_test_starts_from_the_org_file_again() {
        assertThat(org.records("Account")).extracting(r -> r.get("Name")).containsExactly("Seeded");
        assertThat(org.loginUrl()).startsWith("http://127.0.0.1:");
    }

    @Test
    @Order(3)
    void locked_records_refuse_writes() throws Exception {
        String id = (String) org.records("Account").getFirst().get("Id");
        org.lock(java.util.List.of(id));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(org.instanceUrl() + "/services/data/v60.0/sobjects/Account/" + id))
                .header("Authorization", "Bearer " + org.accessToken())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"Name\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("UNABLE_TO_LOCK_ROW");
    }

    @Test
    @Order(4)
    void failed_records_are_reported_and_the_others_saved() throws Exception {
        org.faults().failNextRecords("UNABLE_TO_LOCK_ROW", 1);

        HttpResponse<String> response = post(org, "/services/data/v60.0/composite/sobjects", """
                {"records": [{"attributes": {"type": "Account"}, "Name": "Locked"}, {"attributes": {"type": "Account"}, "Name": "Saved"}]}""");

        assertThat(response.body()).contains("UNABLE_TO_LOCK_ROW");
        assertThat(org.records("Account")).extracting(r -> r.get("Name")).containsExactly("Seeded", "Saved");
        assertThat(org.faults().log()).hasSize(1);
    }

    @Test
    @Order(5)
    void faults_of_one_test_are_gone_in_the_next() throws Exception {
        assertThat(org.faults().rules().recordErrors()).isEmpty();
        assertThat(post(org, "/services/data/v60.0/sobjects/Account", "{\"Name\":\"fine\"}").statusCode()).isEqualTo(201);
    }

    @Test
    @Order(6)
    void calls_fail_as_the_rules_say_and_bad_rules_say_what_is_wrong() throws Exception {
        org.faults().set("errors: [{api: rest, status: 503, times: 1}]");

        assertThat(post(org, "/services/data/v60.0/sobjects/Account", "{\"Name\":\"x\"}").statusCode()).isEqualTo(503);
        assertThat(post(org, "/services/data/v60.0/sobjects/Account", "{\"Name\":\"x\"}").statusCode()).isEqualTo(201);
        assertThatThrownBy(() -> org.faults().set("errors: [{rate: 2, status: 503}]"))
                .hasMessageContaining("faults.errors[0].rate: '2' is not a rate");
        assertThat(org.limits().bulkApiBatches().max()).isEqualTo(15_000);
    }
}

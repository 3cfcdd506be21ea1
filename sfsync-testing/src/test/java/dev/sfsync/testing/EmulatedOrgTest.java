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
}

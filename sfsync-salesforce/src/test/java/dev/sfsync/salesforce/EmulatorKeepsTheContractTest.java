package dev.sfsync.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.salesforce.internal.Json;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's live answers carry every field the documented examples carry, so a field the emulator forgets shows
 * up here rather than as a surprise against a real org.
 */
class EmulatorKeepsTheContractTest {
    @RegisterExtension
    static final EmulatedOrg org = Emulated.org();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void describe_has_every_documented_object_and_field_property() throws Exception {
        JsonNode live = get("/services/data/v62.0/sobjects/Account/describe");
        JsonNode documented = Contract.json("rest/describe-account.json");

        assertThat(missing(documented, live, Set.of())).isEmpty();
        assertThat(missing(documented.path("fields").get(1), field(live, "Name"), Set.of())).isEmpty();
        assertThat(missing(documented.path("fields").get(2).path("picklistValues").get(0), field(live, "Tier__c").path("picklistValues").get(0),
                Set.of())).isEmpty();
    }

    @Test
    void describe_global_has_every_documented_property() throws Exception {
        JsonNode live = get("/services/data/v62.0/sobjects");
        JsonNode documented = Contract.json("rest/describe-global.json");

        assertThat(missing(documented, live, Set.of())).isEmpty();
        assertThat(missing(documented.path("sobjects").get(0), live.path("sobjects").get(0), Set.of())).isEmpty();
    }

    @Test
    void query_pages_and_limits_have_every_documented_property() throws Exception {
        JsonNode page = get("/services/data/v62.0/query?q=" + URLEncoder.encode("SELECT Id, Name FROM Account", StandardCharsets.UTF_8));
        assertThat(missing(Contract.json("rest/query-page-2.json"), page, Set.of())).isEmpty();

        JsonNode limits = get("/services/data/v62.0/limits");
        assertThat(missing(Contract.json("rest/limits.json"), limits, Set.of())).isEmpty();
    }

    @Test
    void token_answers_have_every_documented_property() throws Exception {
        String form = "grant_type=password&client_id=" + org.clientId() + "&client_secret=" + org.clientSecret()
                + "&username=" + URLEncoder.encode(org.username(), StandardCharsets.UTF_8) + "&password=" + org.password();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(org.loginUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode live = Json.read(response.body().getBytes(StandardCharsets.UTF_8));

        // The password flow issues no refresh token, and id_token comes only with the openid scope.
        assertThat(missing(Contract.json("auth/token-web-server-flow.json"), live, Set.of("refresh_token", "id_token"))).isEmpty();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(org.instanceUrl() + path))
                .header("Authorization", "Bearer " + org.accessToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Json.read(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode field(JsonNode describe, String name) {
        for (JsonNode f : describe.path("fields")) {
            if (f.path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name);
    }

    /** Top-level keys of the documented example that the live answer lacks. */
    private static Set<String> missing(JsonNode documented, JsonNode live, Set<String> optional) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> names = documented.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!live.has(name) && !optional.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}

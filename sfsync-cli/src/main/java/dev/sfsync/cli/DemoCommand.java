package dev.sfsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsync.emulator.ApiVersions;
import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.OrgHost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A guided tour over plain HTTP against a fresh emulated org: log in, describe, upsert with some deliberately bad
 * rows, upsert again, query, and read the API usage. It shows what the wire looks like until the sync engine lands.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a short tour against a local emulated Salesforce org and print every call and its outcome.",
        footer = {"", "Example:", "  sfsync demo"})
final class DemoCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--port", defaultValue = "0", description = "Port for the emulated org (default: a free port).")
    int port;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final HttpClient client = HttpClient.newHttpClient();
    private PrintWriter out;
    private String base;
    private String token;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        try (Emulator emulator = EmulatorCommand.build(port, "127.0.0.1", List.of()).start()) {
            OrgHost host = emulator.host();
            base = host.baseUrl();
            String api = "/services/data/v" + ApiVersions.newest();
            out.println("sfsync demo: a local Salesforce org is up at " + base + " (production) and "
                    + emulator.hosts().get(1).baseUrl() + " (sandbox).");
            out.println();

            step("1. Log in with OAuth 2.0 (password grant, as a script would)");
            var app = host.org().definition().connectedApps().getFirst();
            var user = host.org().defaultUser();
            JsonNode login = call("POST", "/services/oauth2/token", form(Map.of("grant_type", "password", "client_id", app.clientId(),
                    "client_secret", app.clientSecret(), "username", user.username(), "password", user.password())), "application/x-www-form-urlencoded");
            token = login.path("access_token").asText(null);
            if (token == null) {
                out.println("   login failed: " + login);
                return 1;
            }
            out.println("   instance_url=" + login.path("instance_url").asText() + "  token_type=" + login.path("token_type").asText());

            step("2. Describe Account and find the external ID fields to match rows on");
            JsonNode describe = call("GET", api + "/sobjects/Account/describe", null, null);
            List<String> externalIds = new ArrayList<>();
            describe.path("fields").forEach(f -> {
                if (f.path("externalId").asBoolean()) {
                    externalIds.add(f.path("name").asText());
                }
            });
            out.println("   " + describe.path("fields").size() + " fields; external IDs: " + externalIds);

            step("3. Upsert 5 accounts on External_Key__c through sObject Collections (two rows are bad on purpose)");
            String body = JSON.writeValueAsString(Map.of("allOrNone", false, "records", List.of(
                    account("DEMO-1", "Acme", "Gold"), account("DEMO-2", "Globex", "Silver"), account("DEMO-3", "Initech", "Bronze"),
                    account("DEMO-4", "Umbrella", "Platinum"), account("DEMO-5", "N".repeat(300), "Gold"))));
            printResults(call("PATCH", api + "/composite/sobjects/Account/External_Key__c", body, "application/json"));

            step("4. Send the same upsert again: the good rows now update instead of create");
            printResults(call("PATCH", api + "/composite/sobjects/Account/External_Key__c", body, "application/json"));

            step("5. Query them back with SOQL");
            JsonNode query = call("GET", api + "/query?q=" + URLEncoder.encode(
                    "SELECT External_Key__c, Name, Tier__c FROM Account WHERE External_Key__c LIKE 'DEMO-%' ORDER BY External_Key__c",
                    StandardCharsets.UTF_8), null, null);
            out.println("   totalSize=" + query.path("totalSize").asInt());
            query.path("records").forEach(r -> out.printf("   %-8s %-10s %s%n", r.path("External_Key__c").asText(), r.path("Name").asText(), r.path("Tier__c").asText()));

            step("6. API usage, as Salesforce reports it");
            JsonNode limits = call("GET", api + "/limits", null, null);
            JsonNode daily = limits.path("DailyApiRequests");
            out.println("   DailyApiRequests: " + (daily.path("Max").asLong() - daily.path("Remaining").asLong()) + " used of " + daily.path("Max").asLong());

            out.println();
            out.println("Done. To keep a local org running for your own tools: ./sfsync emulator   (see ./sfsync emulator --help)");
            out.flush();
            return 0;
        }
    }

    private static Map<String, Object> account(String key, String name, String tier) {
        return Map.of("attributes", Map.of("type", "Account"), "External_Key__c", key, "Name", name, "Tier__c", tier);
    }

    private void printResults(JsonNode results) {
        int i = 0;
        for (JsonNode result : results) {
            i++;
            if (result.path("success").asBoolean()) {
                out.printf("   row %d: %s %s%n", i, result.path("created").asBoolean() ? "created" : "updated", result.path("id").asText());
            } else {
                JsonNode error = result.path("errors").path(0);
                out.printf("   row %d: FAILED %s: %s%n", i, error.path("statusCode").asText(), error.path("message").asText());
            }
        }
    }

    private void step(String title) {
        out.println(title);
    }

    private JsonNode call(String method, String path, String body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String shown = path.length() > 90 ? path.substring(0, 90) + "..." : path;
        out.printf("   %s %s -> HTTP %d%n", method, shown, response.statusCode());
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}

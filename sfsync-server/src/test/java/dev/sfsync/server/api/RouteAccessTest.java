package dev.sfsync.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sfsync.server.RunningServer;
import dev.sfsync.server.TestProject;
import dev.sfsync.server.auth.Role;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.sfsync.server.TestProject.insertSync;
import static org.assertj.core.api.Assertions.assertThat;

/** Walks the whole route table: every route refuses callers below its role, and the OpenAPI file lists exactly these routes. */
class RouteAccessTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefaultOrg();

    @TempDir
    static Path directory;

    private static TestProject project;
    private static RunningServer server;
    private static Map<Role, String> tokens;

    @BeforeAll
    static void start() {
        project = new TestProject(directory, org);
        server = new RunningServer(project, project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "")).read());
        tokens = Map.of(Role.VIEWER, server.token("vera", Role.VIEWER), Role.OPERATOR, server.token("otto", Role.OPERATOR),
                Role.ADMIN, server.token("ada", Role.ADMIN));
    }

    @AfterAll
    static void stop() {
        server.close();
        project.close();
    }

    /** A path with its parameters filled by names that exist nowhere: authorization is decided before the handler looks. */
    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "no-such-thing");
    }

    @Test
    void every_route_but_the_public_ones_refuses_a_caller_without_a_login() {
        for (ApiRoute route : server.server.api().routes()) {
            if (route.isPublic()) {
                continue;
            }
            RunningServer.Answer answer = server.call(route.method().name(), concrete(route.path()), route.changesState() ? "{}" : null);
            assertThat(answer.status()).as(route.method() + " " + route.path()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().path("fix").asText()).contains("POST /api/v1/session");
        }
    }

    @Test
    void every_route_refuses_roles_below_its_own_and_lets_its_own_and_higher_through() {
        int checked = 0;
        for (ApiRoute route : server.server.api().routes()) {
            if (route.isPublic() || route.path().equals("/api/v1/session") && route.method().name().equals("DELETE")) {
                continue;
            }
            for (Role role : Role.values()) {
                RunningServer.Answer answer = server.call(route.method().name(), concrete(route.path()), route.changesState() ? "{}" : null,
                        "Authorization", "Bearer " + tokens.get(role));
                String what = role + " on " + route.method() + " " + route.path() + ": " + answer.body();
                if (role.allows(route.role())) {
                    assertThat(answer.status()).as(what).isNotIn(401, 403);
                } else {
                    assertThat(answer.status()).as(what).isEqualTo(403);
                    assertThat(answer.json().path("detail").asText()).contains("needs the " + route.role().name().toLowerCase(Locale.ROOT) + " role");
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void the_openapi_file_lists_every_route_with_its_role_and_nothing_else() throws Exception {
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(HealthRoutes.openApiText());
        Map<String, String> documented = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                documented.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), operation.getValue().path("x-sfsync-role").asText());
            }
        }
        Map<String, String> served = new TreeMap<>();
        for (ApiRoute route : server.server.api().routes()) {
            served.put(route.method().name() + " " + route.path(), route.isPublic() ? "public" : route.role().name().toLowerCase(Locale.ROOT));
        }
        assertThat(documented).isEqualTo(served);
    }

    @Test
    void a_state_change_made_with_the_session_cookie_needs_the_csrf_token() {
        server.server.context().users().add("cora", Role.OPERATOR, "correct horse battery staple");
        RunningServer.Answer login = server.call("POST", "/api/v1/session", "{\"name\": \"cora\", \"password\": \"correct horse battery staple\"}");
        assertThat(login.status()).isEqualTo(200);
        String setCookie = login.header("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = login.json().path("csrf_token").asText();

        Set<String> refused = new TreeSet<>();
        for (ApiRoute route : server.server.api().routes()) {
            if (route.isPublic() || !route.changesState()) {
                continue;
            }
            RunningServer.Answer without = server.call(route.method().name(), concrete(route.path()), "{}", "Cookie", cookie);
            assertThat(without.status()).as(route.path()).isEqualTo(403);
            assertThat(without.json().path("title").asText()).isEqualTo("CSRF token missing");
            refused.add(route.method() + " " + route.path());
        }
        assertThat(refused).contains("POST /api/v1/syncs/{sync}/runs", "POST /api/v1/syncs/{sync}/pause", "DELETE /api/v1/session");
        assertThat(server.call("GET", "/api/v1/syncs", null, "Cookie", cookie).status()).isEqualTo(200);
        assertThat(server.call("POST", "/api/v1/syncs/no-such-thing/runs", "{}", "Cookie", cookie, "X-CSRF-Token", "forged").status()).isEqualTo(403);
        assertThat(server.call("POST", "/api/v1/syncs/no-such-thing/runs", "{}", "Cookie", cookie, "X-CSRF-Token", csrf).status()).isEqualTo(404);
    }
}

package dev.sfsync.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandsTest {
    @TempDir
    Path project;

    private void config(String alerts) throws Exception {
        Files.writeString(project.resolve("sfsync.yaml"), """
                connections:
                  local: {environment: custom, login_url: "http://127.0.0.1:1", client_id: abc}
                models:
                  accounts: {sql: select 1 as id, primary_key: id}
                syncs:
                  accounts:
                    model: accounts
                    object: Account
                    mode: insert
                    insert_without_key: at_least_once
                    mappings: [{from: id, to: Name}]
                    schedule: {every: 15m}
                """ + alerts);
    }

    @Test
    void the_first_user_is_added_with_a_password_from_stdin_and_a_token_is_printed_once() throws Exception {
        config("");
        ProjectCommandsTest.Result added = ProjectCommandsTest.withStdin("correct horse battery staple\n", "users", "add", "ada", "--role", "admin", "--password-stdin",
                "--project", project.toString());
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("user ada is an admin");

        ProjectCommandsTest.Result token = sfsync("tokens", "create", "--user", "ada", "--description", "ci", "--project", project.toString());
        assertThat(token.exitCode()).as(token.err()).isZero();
        String secret = token.out().strip();
        assertThat(secret).startsWith("sfs_");
        ProjectCommandsTest.Result listed = sfsync("tokens", "list", "--project", project.toString());
        assertThat(listed.out()).containsPattern("ID +USER +CREATED +LAST USED +DESCRIPTION\\R\\S+ +ada +\\S+ +never +ci")
                .doesNotContain(secret.substring(secret.indexOf('_', 4) + 1));
        assertThat(sfsync("users", "list", "--project", project.toString()).out()).containsPattern("NAME +ROLE\\Rada +admin");
    }

    @Test
    void a_short_password_is_refused_with_a_fix() throws Exception {
        config("");
        ProjectCommandsTest.Result refused = ProjectCommandsTest.withStdin("short\n", "users", "add", "bob", "--role", "viewer", "--password-stdin", "--project", project.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("shorter than 12 characters", "fix:");
    }

    @Test
    void serve_on_a_busy_port_says_so_and_exits_non_zero() throws Exception {
        config("");
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            ProjectCommandsTest.Result result = sfsync("serve", "--listen", "127.0.0.1:" + busy.getLocalPort(), "--project", project.toString());
            assertThat(result.exitCode()).isEqualTo(ExitCodes.SERVER_FAILED);
            assertThat(result.err()).contains("another process uses that port", "fix:").doesNotContain("Exception");
        }
    }

    @Test
    void alerts_test_sends_a_message_to_the_named_destination() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            config("""
                    alerts:
                      destinations:
                        hook: {type: webhook, url: "http://127.0.0.1:%d/alerts"}
                    """.formatted(receiver.getAddress().getPort()));
            ProjectCommandsTest.Result sent = sfsync("alerts", "test", "hook", "--project", project.toString());
            assertThat(sent.exitCode()).as(sent.err()).isZero();
            assertThat(sent.out()).contains("test message delivered to hook");
            assertThat(bodies).singleElement().asString().contains("\"kind\":\"TEST\"");

            ProjectCommandsTest.Result unknown = sfsync("alerts", "test", "hok", "--project", project.toString());
            assertThat(unknown.exitCode()).isEqualTo(ExitCodes.CONFIG_INVALID);
            assertThat(unknown.err()).contains("no alert destination named 'hok'", "hook");
        } finally {
            receiver.stop(0);
        }
    }
}

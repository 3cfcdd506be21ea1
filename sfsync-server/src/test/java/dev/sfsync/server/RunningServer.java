package dev.sfsync.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.salesforce.rest.OrgLimit;
import dev.sfsync.server.auth.Role;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@code sfsync serve} over a {@link TestProject} on a free port, with a manual scheduler, and an HTTP client to call it. */
public final class RunningServer implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    public final SfsyncServer server;
    public final SettableClock schedulerClock = new SettableClock();
    public final List<Duration> alertWaits = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    public RunningServer(TestProject project, ProjectConfig config) {
        schedulerClock.set(Instant.now());
        server = SfsyncServer.builder(config, project.store(), project.serverDb(), project.shared(config))
                .limits(connection -> limits(project))
                .sleeper(alertWaits::add)
                .scheduler(tasks -> TestHelper.createManualScheduler(project.serverDb().dataSource(), tasks).clock(schedulerClock)
                        .jdbcCustomization(project.serverDb().schedulerSql()).build(), schedulerClock)
                .build().start("127.0.0.1", 0);
    }

    private static Optional<OrgLimit> limits(TestProject project) {
        return Optional.ofNullable(project.client(dev.sfsync.salesforce.observe.ExchangeListener.NONE).rest().limits().get("DailyApiRequests"));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** An API token for a new user of the role. */
    public String token(String user, Role role) {
        server.context().users().add(user, role, "correct horse battery staple");
        return server.context().tokens().create(user, "test").token();
    }

    public record Answer(int status, String body, Map<String, List<String>> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst().map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    /** Calls the server; {@code headers} alternate name and value. */
    public Answer call(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer get(String path, String token) {
        return call("GET", path, null, "Authorization", "Bearer " + token);
    }

    public Answer post(String path, String token) {
        return call("POST", path, "{}", "Authorization", "Bearer " + token);
    }

    @Override
    public void close() {
        server.close();
    }
}

package dev.sfsync.server.team;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import dev.sfsync.core.SyncId;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.config.ProjectConfigReader;
import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.salesforce.retry.Sleeper;
import dev.sfsync.server.SfsyncServer;
import dev.sfsync.server.TestProject;
import dev.sfsync.server.db.ServerDatabase;
import dev.sfsync.server.run.SharedProject;
import dev.sfsync.store.Run;
import dev.sfsync.store.StateStore;
import dev.sfsync.store.secret.EncryptionKey;
import dev.sfsync.testing.EmulatedOrg;
import dev.sfsync.testing.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.sfsync.server.TestProject.insertSync;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three servers ("nodes", each with its own project directory and snapshots, in this JVM) sharing one Postgres state
 * store: each scheduled run executes on one node only, a node that died mid-run has its run picked up by another once
 * its heartbeat and lease are stale, and any node's API answers for all.
 */
@Tag("postgres")
class TeamOnPostgresTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefaultOrg();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final EncryptionKey KEY = EncryptionKey.of(new byte[32], "test");

    @TempDir
    Path directory;

    private String url;
    private final SettableClock clock = new SettableClock();
    private final List<Node> nodes = new ArrayList<>();

    private final class Node implements AutoCloseable {
        final String name;
        final StateStore store;
        final ServerDatabase db;
        final SfsyncServer server;

        Node(String name, Path projectDirectory, ProjectConfig config) {
            this.name = name;
            store = StateStore.postgres(url, "postgres", "").encryptionKey(KEY).open();
            db = ServerDatabase.postgres(url, "postgres", "");
            TestProject clients = new TestProject(projectDirectory, org);
            SharedProject project = new SharedProject(() -> SyncProject.open(config, new ProjectConfigReader().locator(projectDirectory), store,
                    projectDirectory.resolve(SyncProject.STATE_DIRECTORY), (connection, listener) -> clients.client(listener), Sleeper.SYSTEM));
            server = SfsyncServer.builder(config, store, db, project)
                    .scheduler(tasks -> TestHelper.createManualScheduler(db.dataSource(), tasks).clock(clock)
                            .jdbcCustomization(db.schedulerSql()).schedulerName(new SchedulerName.Fixed(name)).build(), clock)
                    .build().start("127.0.0.1", 0);
        }

        ManualScheduler scheduler() {
            return (ManualScheduler) server.context().scheduler().scheduler();
        }

        @Override
        public void close() {
            server.close();
            store.close();
        }
    }

    @BeforeEach
    void team() throws Exception {
        url = PostgresServer.shared().createDatabase("team_" + DATABASES.incrementAndGet());
        clock.set(Instant.now());
        Path first = directory.resolve("node-a");
        Files.createDirectories(first);
        new TestProject(first, org).config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "schedule: {every: 15m}"));
        for (String name : List.of("node-a", "node-b", "node-c")) {
            Path home = directory.resolve(name);
            if (!name.equals("node-a")) {
                Files.createDirectories(home);
                Files.copy(first.resolve("sfsync.yaml"), home.resolve("sfsync.yaml"), StandardCopyOption.REPLACE_EXISTING);
                Files.copy(first.resolve("warehouse.duckdb"), home.resolve("warehouse.duckdb"), StandardCopyOption.REPLACE_EXISTING);
            }
            ProjectConfig config = new ProjectConfigReader().read(home).config().orElseThrow();
            nodes.add(new Node(name, home, config));
        }
    }

    @AfterEach
    void stop() {
        nodes.forEach(Node::close);
    }

    private List<Run> runs() {
        return nodes.getFirst().store.runs().recent(SyncId.of("accounts"), 100);
    }

    private void allNodesPollAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> polls = new ArrayList<>();
            for (Node node : nodes) {
                polls.add(threads.submit(() -> node.scheduler().runAnyDueExecutions()));
            }
            for (Future<?> poll : polls) {
                poll.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void each_scheduled_run_executes_on_one_node_only_and_any_node_answers_for_all() throws Exception {
        clock.tick(Duration.ofMinutes(15));
        allNodesPollAtOnce();
        assertThat(runs()).singleElement().extracting(Run::status).isEqualTo(Run.Status.SUCCEEDED);
        assertThat(org.records("Account")).hasSize(3);

        clock.tick(Duration.ofMinutes(15));
        allNodesPollAtOnce();
        assertThat(runs()).hasSize(2);

        Node other = nodes.get(2);
        other.server.context().users().add("vera", dev.sfsync.server.auth.Role.VIEWER, "correct horse battery staple");
        String token = other.server.context().tokens().create("vera", "test").token();
        HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + nodes.get(0).server.port() + "/api/v1/runs")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(runs().get(0).id().value(), runs().get(1).id().value());

        assertThat(other.db.open()).isTrue();
        other.server.close();
        assertThat(other.db.open()).as("a stopped server leaves no idle Postgres connection behind").isFalse();
    }

    @Test
    void a_run_of_a_node_that_died_is_picked_up_by_another_once_its_heartbeat_and_lease_are_stale() throws Exception {
        Instant due = clock.now().plus(Duration.ofMinutes(15));
        Instant died = due.plusSeconds(5);
        // node-x picked the run, took the sync's lease and died: its heartbeat stops, its lease is never renewed.
        nodes.getFirst().db.update("UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'node-x', last_heartbeat = ?, execution_time = ?"
                + " WHERE task_name = 'sfsync-sync' AND task_instance = 'accounts'", java.sql.Timestamp.from(died), java.sql.Timestamp.from(due));
        nodes.getFirst().store.runLeases().tryAcquire(SyncId.of("accounts"), "node-x", Duration.ofSeconds(60)).orElseThrow();

        clock.set(died.plus(Duration.ofMinutes(10)));
        allNodesPollAtOnce();
        assertThat(runs()).isEmpty();

        clock.set(died.plus(Duration.ofHours(1)));
        // An hour on, node-x's lease is long expired too (leases keep wall-clock time in the store).
        nodes.getFirst().db.update("UPDATE run_leases SET expires_at = ? WHERE sync_id = 'accounts'", System.currentTimeMillis() - 1_000);
        nodes.get(1).scheduler().runDeadExecutionDetection();
        allNodesPollAtOnce();

        assertThat(runs()).singleElement().extracting(Run::status).isEqualTo(Run.Status.SUCCEEDED);
        assertThat(org.records("Account")).hasSize(3);
        assertThat(nodes.get(1).server.context().scheduler().next("accounts")).isPresent();
    }
}

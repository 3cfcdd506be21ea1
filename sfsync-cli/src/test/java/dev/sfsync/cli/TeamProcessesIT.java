package dev.sfsync.cli;

import dev.sfsync.core.SyncId;
import dev.sfsync.server.auth.ApiTokens;
import dev.sfsync.server.auth.Role;
import dev.sfsync.server.auth.Users;
import dev.sfsync.server.db.ServerDatabase;
import dev.sfsync.store.Run;
import dev.sfsync.store.RunLease;
import dev.sfsync.store.StateStore;
import dev.sfsync.store.secret.EncryptionKey;
import dev.sfsync.testing.EmulatedOrg;
import dev.sfsync.testing.PostgresServer;
import org.junit.jupiter.api.AfterEach;
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
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * (About 1 minute; up to 4 on a busy 2-core machine: six JVMs start one after another.) Three {@code sfsync serve}
 * processes on one embedded Postgres state store, plus CLI commands pointed at it with {@code --state-url}: a due slot runs on one node only, the lock holds against a CLI run,
 * the node running it is killed (SIGKILL) mid-run and another node picks the run up, and every node's API answers for all.
 */
@Tag("postgres")
class TeamProcessesIT {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/cli-test.yaml");
    static final int ROWS = 3_000;
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path directory;

    private final byte[] key = new byte[32];
    private final List<Process> processes = new ArrayList<>();
    private String url;

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    private Path project(String name) throws Exception {
        Path home = directory.resolve(name);
        Files.createDirectories(home);
        AccountsProject.write(home, org, org.loginUrl(), """
                model: accounts
                object: Account
                mode: upsert
                parallelism: 1
                schedule: {every: 15m}
                match: {column: id, field: External_Key__c}
                mappings: [{from: name, to: Name}]
                """);
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse.duckdb")); var s = c.createStatement()) {
            s.execute("create table accounts as select 'T' || i as id, 'Team ' || i as name from range(" + ROWS + ") t(i)");
        }
        return home;
    }

    private Process sfsync(Path home, String log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-cp", System.getProperty("java.class.path"), SfsyncCommand.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--project", home.toString(), "--state-url", url));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(home.resolve(log).toFile());
        builder.environment().putAll(Map.of(EncryptionKey.ENV, Base64.getEncoder().encodeToString(key), "SFSYNC_STATE_USER", "postgres",
                StateOption.PASSWORD_ENV, ""));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static String await(Process process, Path log, Pattern pattern) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            Matcher matcher = pattern.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (matcher.find()) {
                return matcher.group(1);
            }
            Thread.sleep(100);
        }
        String threads = "";
        if (process.isAlive()) {
            Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid()),
                    "Thread.print").redirectErrorStream(true).start();
            threads = new String(dump.getInputStream().readAllBytes());
        }
        throw new AssertionError("no " + pattern + " in " + log + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")") + ":\n"
                + Files.readString(log) + threads);
    }

    private static void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void three_servers_run_each_slot_once_a_killed_servers_run_is_picked_up_and_any_node_answers_for_all() throws Exception {
        ThreadLocalRandom.current().nextBytes(key);
        url = PostgresServer.shared().createDatabase("team_processes");
        Path cli = project("cli");
        Process connect = sfsync(cli, "connect.log", "connect", "local", "--username", org.username(), "--password", org.password());
        assertThat(connect.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(connect.exitValue()).as(Files.readString(cli.resolve("connect.log"))).isZero();
        List<Process> nodes = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (String name : List.of("node-a", "node-b", "node-c")) {
            Path home = project(name);
            Process node = sfsync(home, "serve.log", "serve", "--listen", "127.0.0.1:0", "--log-format", "text", "--scheduler-heartbeat", "PT1S");
            nodes.add(node);
            ports.add(Integer.parseInt(await(node, home.resolve("serve.log"), LISTENING)));
        }
        org.faults().set("latency: [{api: rest, path: 'composite/sobjects', fixedMillis: 2000}]");

        try (StateStore store = StateStore.postgres(url, "postgres", "").encryptionKey(EncryptionKey.of(key, "test")).open()) {
            SyncId accounts = SyncId.of("accounts");
            // The slot comes due now rather than in 15 minutes; all three servers poll for it.
            PostgresServer.execute(url, "UPDATE scheduled_tasks SET execution_time = now() WHERE task_instance = 'accounts'");
            await("a node runs the slot and has sent rows", () -> !org.records("Account").isEmpty());
            RunLease held = store.runLeases().current(accounts).orElseThrow();
            assertThat(store.runs().recent(accounts, 10)).as("one node took the slot").singleElement()
                    .extracting(Run::status).isEqualTo(Run.Status.RUNNING);

            Process second = sfsync(cli, "run.log", "run", "accounts");
            assertThat(second.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as("a CLI run on the same store is refused while a server runs the sync: "
                    + Files.readString(cli.resolve("run.log"))).isEqualTo(ExitCodes.SYNC_BUSY);
            assertThat(Files.readString(cli.resolve("run.log"))).contains("sync accounts is running since", held.run().value());

            Process runner = nodes.stream().filter(p -> held.holder().startsWith("pid " + p.pid() + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no server holds the lease: " + held.holder()));
            long killedAt = System.currentTimeMillis();
            runner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            int sentBeforeKill = org.records("Account").size();
            assertThat(sentBeforeKill).as("killed mid-run").isLessThan(ROWS);
            org.faults().clear();

            await("another node ran the slot to the end", () -> store.runs().recent(accounts, 10).stream()
                    .anyMatch(r -> r.status() == Run.Status.SUCCEEDED));
            long pickedUpMillis = System.currentTimeMillis() - killedAt;
            List<Run> runs = store.runs().recent(accounts, 10);
            assertThat(runs).extracting(Run::status).as("picked up in %d ms", pickedUpMillis)
                    .containsExactly(Run.Status.SUCCEEDED, Run.Status.INTERRUPTED);
            Map<Object, Long> perKey = org.records("Account").stream()
                    .collect(Collectors.groupingBy(r -> String.valueOf(r.get("External_Key__c")), Collectors.counting()));
            assertThat(perKey).hasSize(ROWS);
            assertThat(perKey.values()).allMatch(n -> n == 1);

            ServerDatabase db = ServerDatabase.postgres(url, "postgres", "");
            Users users = new Users(db, Clock.systemUTC());
            users.add("vera", Role.VIEWER, "correct horse battery staple");
            String token = new ApiTokens(db, users, Clock.systemUTC()).create("vera", "test").token();
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i) == runner) {
                    continue;
                }
                HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ports.get(i) + "/api/v1/runs")).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(listed.statusCode()).isEqualTo(200);
                assertThat(listed.body()).contains(runs.get(0).id().value(), runs.get(1).id().value(), "interrupted");
            }
            Process list = sfsync(cli, "runs.log", "runs");
            assertThat(list.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(cli.resolve("runs.log"))).contains(runs.get(0).id().value(), "SUCCEEDED", "INTERRUPTED");
            Optional<Run> none = store.runs().running().stream().findAny();
            assertThat(none).isEmpty();
        }
    }
}

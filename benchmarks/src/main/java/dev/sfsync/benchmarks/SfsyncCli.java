package dev.sfsync.benchmarks;

import dev.sfsync.core.outcome.RunSummary;
import dev.sfsync.store.ApiCall;
import dev.sfsync.store.Run;
import dev.sfsync.store.StateStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * sfsync as a user runs it: the command line in its own JVM, in a project directory with an sfsync.yaml. Each
 * {@link #newProject} is a fresh project (no state), so its first run sends every row of the model.
 */
final class SfsyncCli {
    private static final Duration TIMEOUT = Duration.ofHours(1);

    /** A project directory written for one API. */
    record Project(Path directory, SyncApi api) {
    }

    /** What a run recorded in the project's state store: the outcomes and sfsync's own API log. */
    record RunReport(RunSummary summary, Map<ApiCallKind, Long> calls) {
        long callCount() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Calls the org counts against its allowance: OAuth logins are not among them, on Salesforce as on the emulator. */
        long countedCalls() {
            return callCount() - calls.getOrDefault(ApiCallKind.LOGIN, 0L);
        }
    }

    /** The JVM options ./sfsync gives the CLI: SFSYNC_JAVA_OPTS, or by default the same as the script's (keep the two the same). */
    static final List<String> JVM_OPTIONS = System.getenv("SFSYNC_JAVA_OPTS") == null || System.getenv("SFSYNC_JAVA_OPTS").isBlank()
            ? List.of("-Xmx" + System.getProperty("sfsync.bench.heap", "1g"), "-Xms64m", "-XX:MaxNewSize=64m", "-XX:GCTimeRatio=4")
            : List.of(System.getenv("SFSYNC_JAVA_OPTS").trim().split("\\s+"));

    private final List<String> launcher;
    private final Path archive;

    /** @param launcher how to start the CLI, e.g. [java, -jar, sfsync.jar] */
    SfsyncCli(List<String> launcher) {
        this(launcher, null);
    }

    private SfsyncCli(List<String> launcher, Path archive) {
        this.launcher = List.copyOf(launcher);
        this.archive = archive;
    }

    /** The built jar, as ./sfsync runs it (./bench builds it). */
    static SfsyncCli jar(Path repository) {
        Path jar = repository.resolve("sfsync-cli/target/sfsync.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + "; run the benchmark through ./bench, which builds it");
        }
        // The JVM options ./sfsync gives it by default (-Dsfsync.bench.heap=256m shows whether memory is flat in records),
        // and its class data sharing archive (see archiveOptions).
        List<String> launcher = new ArrayList<>(List.of(java()));
        launcher.addAll(JVM_OPTIONS);
        launcher.addAll(List.of("-jar", jar.toString()));
        return new SfsyncCli(launcher, jar.resolveSibling("sfsync.jsa"));
    }

    /** The CLI's main class on this JVM's class path: the smoke test runs before anything is packaged. */
    static SfsyncCli onClassPath() {
        return new SfsyncCli(List.of(java(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.sfsync.cli.SfsyncCommand"));
    }

    /**
     * What ./sfsync adds for class data sharing, by the same rule: the first {@code run} after a build writes the
     * archive beside the jar at its exit, every later command maps it; a stale one is remade.
     */
    private List<String> archiveOptions(String command) throws IOException {
        if (archive == null || !Files.isWritable(archive.getParent())) {
            return List.of();
        }
        Path jar = archive.resolveSibling("sfsync.jar");
        if (Files.exists(archive) && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(archive)) > 0) {
            Files.delete(archive);
        }
        List<String> quiet = Runtime.version().feature() >= 24 ? List.of("-Xlog:cds*=off", "-Xlog:aot*=off") : List.of("-Xlog:cds*=off");
        List<String> options = new ArrayList<>();
        if (Files.exists(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        } else if (command.equals("run")) {
            options.add("-XX:ArchiveClassesAtExit=" + archive);
        } else {
            return List.of();
        }
        options.addAll(quiet);
        return options;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    Project newProject(Path directory, AccountModel model, SyncApi api, String loginUrl, String clientId, String clientSecret) throws IOException {
        Files.createDirectories(directory.resolve("secrets"));
        Files.writeString(directory.resolve("secrets/client-secret"), clientSecret);
        Files.writeString(directory.resolve("sfsync.yaml"), """
                # Written by ./bench compare: %,d accounts upserted on their external key through %s.
                version: 1
                sources:
                  warehouse:
                    url: jdbc:duckdb:%s
                connections:
                  local:
                    environment: custom
                    login_url: %s
                    client_id: %s
                    client_secret: ${file:secrets/client-secret}
                models:
                  accounts:
                    sql: select * from accounts
                    primary_key: %s
                syncs:
                  accounts:
                    model: accounts
                    object: Account
                    mode: upsert
                """.formatted(model.rows(), api.configName(), model.duckDb().toAbsolutePath(), loginUrl, clientId,
                AccountModel.COLUMNS.getFirst().name()) + AccountModel.syncYaml(api));
        return new Project(directory, api);
    }

    void connect(Project project, String username, String password) throws IOException, InterruptedException {
        MeteredProcess.Usage usage = sfsync(project, "connect", "local", "--username", username, "--password", password);
        if (usage.exitCode() != 0) {
            throw new IllegalStateException("sfsync connect failed (exit " + usage.exitCode() + "):\n" + usage.output());
        }
    }

    /** {@code sfsync run accounts}, measured; exit 0 means every row succeeded, anything else fails the benchmark. */
    MeteredProcess.Usage run(Project project) throws IOException, InterruptedException {
        MeteredProcess.Usage usage = sfsync(project, "run", "accounts");
        if (usage.exitCode() != 0) {
            throw new IllegalStateException("sfsync run (" + project.api().configName() + ") exited " + usage.exitCode() + ":\n" + usage.output());
        }
        return usage;
    }

    RunReport lastRun(Project project) {
        try (StateStore store = StateStore.embedded(project.directory().resolve(".sfsync")).open()) {
            Run run = store.runs().recent(1).getFirst();
            Map<ApiCallKind, Long> calls = new EnumMap<>(ApiCallKind.class);
            for (ApiCall call : store.apiLog().list(run.id())) {
                calls.merge(ApiCallKind.of(call.method(), call.url()), 1L, Long::sum);
            }
            return new RunReport(run.summary(), calls);
        }
    }

    /** Any sfsync command on the project, measured; the caller reads the exit code. */
    MeteredProcess.Usage command(Project project, String... arguments) throws IOException, InterruptedException {
        return sfsync(project, arguments);
    }

    /** Starts a command on the project and returns at once (for the soak, which kills it); output goes to {@code log}. */
    Process start(Project project, Path log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(arguments));
        command.addAll(List.of("--project", project.directory().toString()));
        return new ProcessBuilder(command).directory(project.directory().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private MeteredProcess.Usage sfsync(Project project, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(1, archiveOptions(arguments[0]));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--project", project.directory().toString()));
        return MeteredProcess.run(command, project.directory(), Map.of(), TIMEOUT);
    }
}

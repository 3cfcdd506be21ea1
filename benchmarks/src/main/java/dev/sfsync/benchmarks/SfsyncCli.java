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

    /**
     * The JVM options ./sfsync gives the CLI: SFSYNC_JAVA_OPTS, or by default those in bin/java-options, which the
     * script reads too (for the benchmarks that start a JVM of their own rather than the CLI).
     */
    static final List<String> JVM_OPTIONS = System.getenv("SFSYNC_JAVA_OPTS") == null || System.getenv("SFSYNC_JAVA_OPTS").isBlank()
            ? defaultJvmOptions(CompareCommand.repository())
            : List.of(System.getenv("SFSYNC_JAVA_OPTS").trim().split("\\s+"));

    /** How to start the CLI: a fixed command, or (for the built jar) whatever ./sfsync would run for the arguments. */
    private final List<String> launcher;
    private final Path script;

    /** @param launcher how to start the CLI, e.g. [java, -jar, sfsync.jar] */
    SfsyncCli(List<String> launcher) {
        this(launcher, null);
    }

    private SfsyncCli(List<String> launcher, Path script) {
        this.launcher = List.copyOf(launcher);
        this.script = script;
    }

    /**
     * The built jar, as ./sfsync runs it (./bench builds it): for each command the script prints the java command it
     * would run (SFSYNC_PRINT_JAVA: its JVM options from bin/java-options and its class data sharing rule, one copy of
     * each), and that command is run and measured, so the measured process is the CLI's JVM alone, as before.
     * -Dsfsync.bench.heap=256m adds that heap ceiling after the script's options (the later -Xmx wins), to show
     * whether memory is flat in records.
     */
    static SfsyncCli jar(Path repository) {
        Path jar = repository.resolve("sfsync-cli/target/sfsync.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + "; run the benchmark through ./bench, which builds it");
        }
        return new SfsyncCli(List.of(), repository.resolve("sfsync"));
    }

    /** The CLI's main class on this JVM's class path: the smoke test runs before anything is packaged. */
    static SfsyncCli onClassPath() {
        return new SfsyncCli(List.of(java(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.sfsync.cli.SfsyncCommand"));
    }

    static List<String> defaultJvmOptions(Path repository) {
        try {
            return Files.readAllLines(repository.resolve("bin/java-options")).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).flatMap(line -> java.util.Arrays.stream(line.split("\\s+"))).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("can't read ./sfsync's JVM options from bin/java-options: " + e.getMessage(), e);
        }
    }

    /**
     * Makes ./sfsync's start-up cache before anything is measured. The first {@code sfsync run} after a build is the
     * script's training run (it records the classes loaded, then writes the JVM's AOT cache or class data sharing
     * archive): a few CPU seconds once per build, which would otherwise land in whichever figure came first. A user's
     * first run pays them once; here a 1,000-row Bulk 2.0 first sync through the script itself pays them, and the org
     * is reset after it. Nothing to do for the CLI on the class path, or when the script already maps a cache.
     */
    void warmUp(dev.sfsync.emulator.OrgHost org, Path workDirectory) throws Exception {
        if (script == null || launcher(List.of("run")).stream().anyMatch(o -> o.startsWith("-XX:AOTCache=") || o.startsWith("-XX:SharedArchiveFile="))) {
            return;
        }
        Path directory = workDirectory.resolve("warm-up");
        AccountModel model = AccountModel.create(directory.resolve("models"), 1_000);
        var app = org.org().definition().connectedApps().getFirst();
        var user = org.org().defaultUser();
        Project project = newProject(directory.resolve("project"), model, SyncApi.BULK2, org.baseUrl(), app.clientId(), app.clientSecret());
        connect(project, user.username(), user.password());
        Process process = new ProcessBuilder(script.toString(), "run", "accounts", "--project", project.directory().toString())
                .directory(project.directory().toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the warm-up run (" + script + " run accounts in " + project.directory() + ") exited " + process.exitValue());
        }
        org.reset();
        DiffFigures.deleteTree(directory);
    }

    /** The command that starts the CLI with these arguments (without them). */
    private List<String> launcher(List<String> arguments) throws IOException, InterruptedException {
        if (script == null) {
            return launcher;
        }
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("SFSYNC_PRINT_JAVA", "1");
        Process process = builder.start();
        List<String> printed;
        try (var out = process.getInputStream()) {
            printed = new String(out.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
        if (process.waitFor() != 0 || printed.size() < arguments.size() + 3) {
            throw new IllegalStateException(script + " did not print its java command (exit " + process.exitValue() + "): " + printed);
        }
        List<String> java = new ArrayList<>(printed.subList(0, printed.size() - arguments.size()));
        String heap = System.getProperty("sfsync.bench.heap");
        if (heap != null) {
            java.add(java.indexOf("-jar"), "-Xmx" + heap);
        }
        return java;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The sync's mode, {@code -Dsfsync.bench.mode=insert} (in SFSYNC_BENCH_OPTS) to measure inserts (the external key
     * then is their idempotency key); upsert by default.
     */
    static final String MODE = System.getProperty("sfsync.bench.mode", "upsert");

    Project newProject(Path directory, AccountModel model, SyncApi api, String loginUrl, String clientId, String clientSecret) throws IOException {
        writeProject(directory, "# Written by ./bench compare: %,d accounts upserted on their external key through %s.\n".formatted(model.rows(),
                api.configName()), "jdbc:duckdb:" + model.duckDb().toAbsolutePath(), loginUrl, clientId, clientSecret, """
                models:
                  accounts:
                    sql: select * from accounts
                    primary_key: %s
                syncs:
                  accounts:
                    model: accounts
                    object: Account
                    mode: upsert
                """.formatted(AccountModel.COLUMNS.getFirst().name()).replace("mode: upsert", "mode: " + MODE) + AccountModel.syncYaml(api));
        return new Project(directory, api);
    }

    /**
     * Writes a benchmark project's client secret and sfsync.yaml: {@code header} (comment lines), the warehouse source
     * at {@code sourceUrl} (and any lines that follow its url), the connection 'local' to the org, then {@code rest}.
     */
    static void writeProject(Path directory, String header, String sourceUrl, String loginUrl, String clientId, String clientSecret, String rest)
            throws IOException {
        Files.createDirectories(directory.resolve("secrets"));
        Files.writeString(directory.resolve("secrets/client-secret"), clientSecret);
        Files.writeString(directory.resolve("sfsync.yaml"), header + """
                version: 1
                sources:
                  warehouse:
                    url: %s
                connections:
                  local:
                    environment: custom
                    login_url: %s
                    client_id: %s
                    client_secret: ${file:secrets/client-secret}
                """.formatted(sourceUrl, loginUrl, clientId) + rest);
    }

    void connect(Project project, String username, String password) throws IOException, InterruptedException {
        MeteredProcess.Usage usage = sfsync(project, "connect", "local", "--username", username, "--password", password);
        if (usage.exitCode() != 0) {
            throw new IllegalStateException("sfsync connect failed (exit " + usage.exitCode() + "):\n" + usage.output());
        }
    }

    /**
     * {@code sfsync run accounts}, measured, with {@value dev.sfsync.core.PhaseTimings#ENVIRONMENT} set so its output ends
     * with where the time went ({@link #timings}); exit 0 means every row succeeded, anything else fails the benchmark.
     */
    MeteredProcess.Usage run(Project project) throws IOException, InterruptedException {
        MeteredProcess.Usage usage = sfsync(project, Map.of(dev.sfsync.core.PhaseTimings.ENVIRONMENT, "1"), "run", "accounts");
        if (usage.exitCode() != 0) {
            throw new IllegalStateException("sfsync run (" + project.api().configName() + ") exited " + usage.exitCode() + ":\n" + usage.output());
        }
        return usage;
    }

    /** The phases of a run's output ({@code name=wall/cpu ...}), or an empty string when it printed none. */
    static String timings(MeteredProcess.Usage usage) {
        String prefix = "sfsync timings: ";
        return usage.output().lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length())).findFirst().orElse("");
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
        return sfsync(project, Map.of(), arguments);
    }

    /** The same with variables added to the command's environment. */
    MeteredProcess.Usage command(Project project, Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        return sfsync(project, environment, arguments);
    }

    /** Starts a command on the project and returns at once (for the soak, which kills it); output goes to {@code log}. */
    Process start(Project project, Path log, String... arguments) throws IOException, InterruptedException {
        List<String> cli = new ArrayList<>(List.of(arguments));
        cli.addAll(List.of("--project", project.directory().toString()));
        List<String> command = new ArrayList<>(launcher(cli));
        command.addAll(cli);
        return new ProcessBuilder(command).directory(project.directory().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private MeteredProcess.Usage sfsync(Project project, String... arguments) throws IOException, InterruptedException {
        return sfsync(project, Map.of(), arguments);
    }

    private MeteredProcess.Usage sfsync(Project project, Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> cli = new ArrayList<>(List.of(arguments));
        cli.addAll(List.of("--project", project.directory().toString()));
        List<String> command = new ArrayList<>(launcher(cli));
        command.addAll(cli);
        return MeteredProcess.run(command, project.directory(), environment, TIMEOUT);
    }
}

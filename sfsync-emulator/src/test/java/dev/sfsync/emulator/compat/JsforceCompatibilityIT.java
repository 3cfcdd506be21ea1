package dev.sfsync.emulator.compat;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.OrgDefinition;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.UserAccount;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * Judges the emulator by a client nobody here wrote: the unmodified jsforce from npm runs compat/jsforce/test/*.test.js
 * under Node's test runner against an emulator on a free port, serving src/test/resources/compat/jsforce-org.yaml.
 *
 * <p>Needs Node.js with npm on the PATH. {@code npm ci} installs jsforce (pinned in package-lock.json) and, because
 * jsforce 3.10 needs Node 22 while machines may carry Node 20, a Node 22 binary from the npm package {@code node}; the
 * tests run on that one. It runs again whenever package-lock.json is newer than the last install.
 */
class JsforceCompatibilityIT {
    /** jsforce 3.10.26 declares node >= 22; the undici 8 it loads needs 22.19. */
    private static final int[] MIN_NODE = {22, 19};
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration TEST_TIMEOUT = Duration.ofMinutes(5);
    private static final String HOW_TO_INSTALL = "install Node.js 20 or newer with npm (Debian/Ubuntu: apt-get install nodejs npm; "
            + "otherwise https://nodejs.org/en/download), then run the build again; npm ci brings the Node 22 the tests run on";

    @Test
    void jsforce_runs_its_compatibility_suite_against_the_emulator_without_a_failure() throws Exception {
        Path project = compatProject();
        installDependencies(project);
        Path node = node(project);
        OrgDefinition org = orgDefinition();
        ConnectedApp app = org.connectedApps().getFirst();
        UserAccount user = org.users().getFirst();

        try (Emulator emulator = Emulator.builder().org(org).port(0).build().start()) {
            List<String> command = new ArrayList<>(List.of(node.toString(), "--test", "--test-concurrency=1", "--test-reporter=spec"));
            // Files, not the test/ folder: Node 21 and later read a folder argument as a module to run.
            command.addAll(testFiles(project));
            Run run = Run.of(project, command, Map.of(
                    "SFSYNC_LOGIN_URL", emulator.host().baseUrl(),
                    "SFSYNC_CLIENT_ID", app.clientId(),
                    "SFSYNC_CLIENT_SECRET", app.clientSecret(),
                    "SFSYNC_USERNAME", user.username(),
                    "SFSYNC_PASSWORD", user.password(),
                    "SFSYNC_REDIRECT_URI", app.redirectUris().getFirst()), TEST_TIMEOUT);
            System.out.println(run.output());
            if (run.exitCode() != 0) {
                fail("jsforce's compatibility tests failed (" + run.describeExit() + "); node's output:\n" + run.output());
            }
        }
    }

    /** compat/jsforce at the root of the repository, beside this module. */
    private static Path compatProject() {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path project = moduleDir.resolveSibling("compat").resolve("jsforce").normalize();
        if (!Files.isRegularFile(project.resolve("package-lock.json"))) {
            fail("no compat/jsforce/package-lock.json at " + project + "; this test runs from the sfsync-emulator module of a full checkout");
        }
        return project;
    }

    /** npm ci when node_modules is missing or older than package-lock.json. */
    private static void installDependencies(Path project) throws IOException, InterruptedException {
        Path modules = project.resolve("node_modules");
        // npm rewrites node_modules/.package-lock.json at every install, so its time is the time of the last one.
        Path installed = Files.exists(modules.resolve(".package-lock.json")) ? modules.resolve(".package-lock.json") : modules;
        if (Files.isDirectory(modules) && !olderThan(installed, project.resolve("package-lock.json"))) {
            return;
        }
        Path npm = onPath("npm").orElseThrow(() -> new AssertionError("npm is not on the PATH, so jsforce cannot be installed for "
                + "the compatibility test: " + HOW_TO_INSTALL));
        Run run = Run.of(project, List.of(npm.toString(), "ci", "--no-audit", "--no-fund"), Map.of("npm_config_update_notifier", "false"), NPM_TIMEOUT);
        System.out.println(run.output());
        if (run.exitCode() != 0) {
            fail("npm ci in " + project + " failed (" + run.describeExit() + "):\n" + run.output());
        }
    }

    /** The Node that npm ci installed into node_modules, else the one on the PATH, if it is new enough for jsforce. */
    private static Path node(Path project) throws IOException, InterruptedException {
        Path local = project.resolve("node_modules").resolve(".bin").resolve("node");
        Path node = Files.isExecutable(local) ? local : onPath("node").orElseThrow(() -> new AssertionError(
                "node is not on the PATH and compat/jsforce/node_modules has none: " + HOW_TO_INSTALL));
        Run version = Run.of(project, List.of(node.toString(), "--version"), Map.of(), Duration.ofSeconds(30));
        Matcher matcher = Pattern.compile("v(\\d+)\\.(\\d+)").matcher(version.output());
        if (version.exitCode() != 0 || !matcher.find()) {
            fail(node + " --version did not answer with a version: " + version.output());
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        if (major < MIN_NODE[0] || (major == MIN_NODE[0] && minor < MIN_NODE[1])) {
            fail(node + " is Node " + version.output().strip() + ", but jsforce needs " + MIN_NODE[0] + "." + MIN_NODE[1]
                    + " or newer; delete compat/jsforce/node_modules so that npm ci installs it, or " + HOW_TO_INSTALL);
        }
        return node;
    }

    private static OrgDefinition orgDefinition() throws IOException {
        try (InputStream in = JsforceCompatibilityIT.class.getResourceAsStream("/compat/jsforce-org.yaml")) {
            if (in == null) {
                throw new IllegalStateException("compat/jsforce-org.yaml is missing from the test resources");
            }
            return OrgDefinitionLoader.load(in.readAllBytes(), "compat/jsforce-org.yaml");
        }
    }

    private static List<String> testFiles(Path project) throws IOException {
        try (Stream<Path> files = Files.list(project.resolve("test"))) {
            List<String> names = files.map(p -> project.relativize(p).toString()).filter(n -> n.endsWith(".test.js")).sorted().toList();
            if (names.isEmpty()) {
                fail("no *.test.js in " + project.resolve("test"));
            }
            return names;
        }
    }

    private static boolean olderThan(Path a, Path b) throws IOException {
        FileTime timeOfA = Files.getLastModifiedTime(a);
        return timeOfA.compareTo(Files.getLastModifiedTime(b)) < 0;
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            for (String name : List.of(program, program + ".cmd", program + ".exe")) {
                Path candidate = Path.of(dir).resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** A finished child process: exit code (-1 when it had to be killed) and its stdout and stderr, interleaved. */
    private record Run(int exitCode, String output, Duration timeout) {
        static Run of(Path dir, List<String> command, Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().putAll(env);
            builder.environment().put("NO_COLOR", "1");
            Process process = builder.start();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (InputStream in = process.getInputStream()) {
                    in.transferTo(output);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            reader.join(Duration.ofSeconds(10));
            return new Run(finished ? process.exitValue() : -1, output.toString(StandardCharsets.UTF_8), timeout);
        }

        String describeExit() {
            return exitCode == -1 ? "killed after " + timeout.toMinutes() + " minutes" : "exit code " + exitCode;
        }
    }
}

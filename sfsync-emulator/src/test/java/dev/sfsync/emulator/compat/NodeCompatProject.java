package dev.sfsync.emulator.compat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * A Node project under compat/ whose tests drive the emulator with an unmodified client from npm: installs it with
 * {@code npm ci} from its package-lock.json (again whenever the lock file is newer than the last install), finds the
 * Node 22 its dev dependency {@code node} brings, and runs child processes with a timeout.
 */
final class NodeCompatProject {
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(10);
    static final String HOW_TO_INSTALL = "install Node.js 20 or newer with npm (Debian/Ubuntu: apt-get install nodejs npm; "
            + "otherwise https://nodejs.org/en/download), then run the build again; npm ci brings the Node 22 the tests run on";

    private final Path dir;

    private NodeCompatProject(Path dir) {
        this.dir = dir;
    }

    /** compat/{name} at the root of the repository, beside this module. */
    static NodeCompatProject named(String name) {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path project = moduleDir.resolveSibling("compat").resolve(name).normalize();
        if (!Files.isRegularFile(project.resolve("package-lock.json"))) {
            fail("no compat/" + name + "/package-lock.json at " + project + "; this test runs from the sfsync-emulator module of a full checkout");
        }
        return new NodeCompatProject(project);
    }

    Path dir() {
        return dir;
    }

    /** npm ci when node_modules is missing or older than package-lock.json. */
    void install() throws IOException, InterruptedException {
        Path modules = dir.resolve("node_modules");
        // npm rewrites node_modules/.package-lock.json at every install, so its time is the time of the last one.
        Path installed = Files.exists(modules.resolve(".package-lock.json")) ? modules.resolve(".package-lock.json") : modules;
        if (Files.isDirectory(modules) && !olderThan(installed, dir.resolve("package-lock.json"))) {
            return;
        }
        Path npm = onPath("npm").orElseThrow(() -> new AssertionError("npm is not on the PATH, so " + dir.getFileName()
                + " cannot be installed for its compatibility test: " + HOW_TO_INSTALL));
        Run run = Run.of(dir, List.of(npm.toString(), "ci", "--no-audit", "--no-fund"), Map.of("npm_config_update_notifier", "false"), NPM_TIMEOUT);
        System.out.println(run.output());
        if (run.exitCode() != 0) {
            fail("npm ci in " + dir + " failed (" + run.describeExit() + "):\n" + run.output());
        }
    }

    /** The Node that npm ci installed into node_modules, else the one on the PATH, if it is at least {@code min}. */
    Path node(int[] min, String client) throws IOException, InterruptedException {
        Path local = dir.resolve("node_modules").resolve(".bin").resolve("node");
        Path node = Files.isExecutable(local) ? local : onPath("node").orElseThrow(() -> new AssertionError(
                "node is not on the PATH and compat/" + dir.getFileName() + "/node_modules has none: " + HOW_TO_INSTALL));
        Run version = Run.of(dir, List.of(node.toString(), "--version"), Map.of(), Duration.ofSeconds(30));
        Matcher matcher = Pattern.compile("v(\\d+)\\.(\\d+)").matcher(version.output());
        if (version.exitCode() != 0 || !matcher.find()) {
            fail(node + " --version did not answer with a version: " + version.output());
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        if (major < min[0] || (major == min[0] && minor < min[1])) {
            fail(node + " is Node " + version.output().strip() + ", but " + client + " needs " + min[0] + "." + min[1]
                    + " or newer; delete compat/" + dir.getFileName() + "/node_modules so that npm ci installs it, or " + HOW_TO_INSTALL);
        }
        return node;
    }

    /** The project's test/*.test.js files, relative to it, sorted. */
    List<String> testFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("test"))) {
            List<String> names = files.map(p -> dir.relativize(p).toString()).filter(n -> n.endsWith(".test.js")).sorted().toList();
            if (names.isEmpty()) {
                fail("no *.test.js in " + dir.resolve("test"));
            }
            return names;
        }
    }

    private static boolean olderThan(Path a, Path b) throws IOException {
        FileTime timeOfA = Files.getLastModifiedTime(a);
        return timeOfA.compareTo(Files.getLastModifiedTime(b)) < 0;
    }

    static Optional<Path> onPath(String program) {
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
    record Run(int exitCode, String output, Duration timeout) {
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

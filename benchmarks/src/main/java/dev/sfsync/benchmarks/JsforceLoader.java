package dev.sfsync.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jsforce's {@code bulk2.loadAndWaitForResults} from npm, run by compat/jsforce/bench/bulk2-load.js on the Node 22
 * that compat/jsforce pins (jsforce 3.10 needs 22.19; machines may have 20). Installs the npm packages first when
 * node_modules is missing or older than package-lock.json.
 */
final class JsforceLoader {
    private static final Duration TIMEOUT = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOW_TO_GET_NPM = "install Node.js 20 or newer with npm (Debian/Ubuntu: apt-get install nodejs npm), "
            + "then run again; npm ci brings the Node 22 jsforce runs on";

    /** jsforce's answer: how many rows it saw succeed, fail or stay unprocessed. */
    record Loaded(long successful, long failed, long unprocessed, String firstError) {
    }

    private final Path project;
    private final Path node;

    private JsforceLoader(Path project, Path node) {
        this.project = project;
        this.node = node;
    }

    static JsforceLoader install(Path repository) throws IOException, InterruptedException {
        Path project = repository.resolve("compat/jsforce");
        Path lock = project.resolve("package-lock.json");
        if (!Files.isRegularFile(lock)) {
            throw new IllegalStateException("no " + lock + "; run the benchmark from a full checkout of sfsync");
        }
        Path installed = project.resolve("node_modules/.package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) < 0) {
            MeteredProcess.Usage npm;
            try {
                npm = MeteredProcess.run(List.of("npm", "ci", "--no-audit", "--no-fund"), project, Map.of("npm_config_update_notifier", "false"),
                        Duration.ofMinutes(10));
            } catch (IOException e) {
                throw new IllegalStateException("npm could not be started (" + e.getMessage() + "): " + HOW_TO_GET_NPM, e);
            }
            if (npm.exitCode() != 0) {
                throw new IllegalStateException("npm ci in " + project + " failed (exit " + npm.exitCode() + "):\n" + npm.output());
            }
        }
        Path node = project.resolve("node_modules/.bin/node");
        if (!Files.isExecutable(node)) {
            throw new IllegalStateException("npm ci did not install Node 22 at " + node + "; delete compat/jsforce/node_modules and run again");
        }
        requireNode22(project, node);
        return new JsforceLoader(project, node);
    }

    MeteredProcess.Usage load(Path csv, Map<String, String> org) throws IOException, InterruptedException {
        MeteredProcess.Usage usage = MeteredProcess.run(List.of(node.toString(), "bench/bulk2-load.js", csv.toAbsolutePath().toString()),
                project, org, TIMEOUT);
        if (usage.exitCode() != 0) {
            throw new IllegalStateException("jsforce's load failed (exit " + usage.exitCode() + "):\n" + usage.output());
        }
        return usage;
    }

    /** The JSON line the script prints last. */
    static Loaded parse(String output) throws IOException {
        String[] lines = output.strip().split("\n");
        JsonNode result = JSON.readTree(lines[lines.length - 1]);
        return new Loaded(result.path("successful").asLong(), result.path("failed").asLong(), result.path("unprocessed").asLong(),
                result.path("firstError").asText(null));
    }

    private static void requireNode22(Path project, Path node) throws IOException, InterruptedException {
        String version = MeteredProcess.run(List.of(node.toString(), "--version"), project, Map.of(), Duration.ofMinutes(1)).output().strip();
        Matcher matcher = Pattern.compile("v(\\d+)\\.(\\d+)").matcher(version);
        if (!matcher.find() || Integer.parseInt(matcher.group(1)) * 1000 + Integer.parseInt(matcher.group(2)) < 22_019) {
            throw new IllegalStateException(node + " is Node " + version + ", but jsforce 3.10 needs 22.19 or newer; delete "
                    + "compat/jsforce/node_modules so that npm ci installs it again");
        }
    }
}

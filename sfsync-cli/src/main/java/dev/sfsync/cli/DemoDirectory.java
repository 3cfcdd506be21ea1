package dev.sfsync.cli;

import dev.sfsync.engine.config.ProjectConfigReader;
import dev.sfsync.engine.project.SyncProject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's project directory. Every demo starts over, because the emulated org it syncs into lives in memory only:
 * a snapshot left from an earlier demo would claim rows are in an org that no longer has them. Only a directory
 * the demo made itself (it holds the marker file) is ever cleared.
 */
final class DemoDirectory {
    static final String MARKER = ".sfsync-demo";
    static final String SECRET_FILE = "secrets/emulator-client-secret";
    private static final List<String> MADE_BY_THE_DEMO = List.of(ProjectConfigReader.FILE_NAME, DemoWarehouse.FILE_NAME,
            DemoWarehouse.FILE_NAME + ".wal", SyncProject.STATE_DIRECTORY, "secrets", MARKER);

    private DemoDirectory() {
    }

    /** Why the directory cannot hold the demo, or null when it is empty, new, or an earlier demo's (then cleared). */
    static String prepare(Path directory) throws IOException {
        if (Files.isDirectory(directory) && !Files.exists(directory.resolve(MARKER))) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    return directory + " is not empty and was not made by 'sfsync demo', so the demo leaves it alone"
                            + " (fix: pass --dir with a new or empty directory)";
                }
            }
        }
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            return directory + " is a file (fix: pass --dir with a new or empty directory)";
        }
        for (String name : MADE_BY_THE_DEMO) {
            delete(directory.resolve(name));
        }
        Files.createDirectories(directory.resolve("secrets"));
        Files.writeString(directory.resolve(MARKER), "Made by 'sfsync demo', which clears this directory each time it runs.\n");
        return null;
    }

    /** The project file pointing at the org, and the emulator's (public) connected-app secret it references. */
    static void writeProject(Path directory, String loginUrl, String clientSecret) throws IOException {
        try (InputStream template = DemoDirectory.class.getResourceAsStream("demo/" + ProjectConfigReader.FILE_NAME)) {
            if (template == null) {
                throw new IllegalStateException("the sfsync jar lacks its demo project template");
            }
            String yaml = new String(template.readAllBytes(), StandardCharsets.UTF_8).replace("{{login_url}}", loginUrl);
            Files.writeString(directory.resolve(ProjectConfigReader.FILE_NAME), yaml);
        }
        Files.writeString(directory.resolve(SECRET_FILE), clientSecret + "\n");
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package dev.sfsync.emulator.bulk2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The temp files of one job; deleted with the job, or when the org is reset. */
final class JobFiles {
    private final Path dir;
    private final String jobId;
    private final List<Path> created = new ArrayList<>();

    JobFiles(Path dir, String jobId) {
        this.dir = dir;
        this.jobId = jobId;
    }

    /** A new file for the job, numbered so that two uploads arriving at once never share one. */
    synchronized Path newFile(String name) {
        Path file = dir.resolve(jobId + "-" + name + "-" + (created.size() + 1) + ".csv");
        created.add(file);
        return file;
    }

    synchronized void deleteAll() {
        for (Path file : created) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the job file " + file, e);
            }
        }
        created.clear();
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the job file " + file, e);
        }
    }
}

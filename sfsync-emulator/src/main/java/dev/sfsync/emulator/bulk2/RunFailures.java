package dev.sfsync.emulator.bulk2;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The errorMessage of a job whose run broke off for a reason of the emulator's own, not of the job's data. */
final class RunFailures {
    private static final Logger LOG = LoggerFactory.getLogger(RunFailures.class);

    private RunFailures() {
    }

    static String describe(String jobId, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return "Unknown : the emulator stopped while the job was being processed";
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return "Unknown : the emulator could not read or write the job's files (" + e.getMessage() + ")";
        }
        LOG.error("Bulk API job {} failed unexpectedly", jobId, e);
        return "Unknown : An unexpected error occurred while processing the job (" + e + ")";
    }

    /** Out of memory, say: the job must end Failed, so that no row of it looks processed; the caller rethrows the error. */
    static String describe(String jobId, Error e) {
        LOG.error("Bulk API job {} failed with {}", jobId, e.toString());
        return "Unknown : the emulator failed while processing the job (" + e + "); give it more memory (-Xmx) for orgs this large";
    }
}

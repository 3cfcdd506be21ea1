package dev.sfsync.cli;

import dev.sfsync.core.DiskFull;
import dev.sfsync.engine.inbound.InboundSyncFailed;
import dev.sfsync.store.StoreFailed;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** A full disk, however deep a command's failure wraps it, is told the same way with the same exit code as 'sfsync run' has. */
class CommandFailuresTest {
    @CommandLine.Command(name = "inbound")
    static final class Failing implements Callable<Integer> {
        private final RuntimeException failure;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }

    private record Outcome(int exitCode, String err) {
    }

    private static Outcome run(RuntimeException failure) {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new Failing(failure)).setErr(new PrintWriter(err)).setExecutionExceptionHandler(new CommandFailures());
        return new Outcome(line.execute(), err.toString());
    }

    @Test
    void a_full_disk_under_any_wrapper_exits_6_with_the_fix_and_no_stack_trace() {
        Outcome io = run(new IllegalStateException("writing the snapshot failed", new IOException("No space left on device")));
        assertThat(io.exitCode()).isEqualTo(ExitCodes.STATE_UNUSABLE);
        assertThat(io.err()).contains("sfsync inbound: the disk is full: writing the snapshot failed", "fix: " + DiskFull.FIX).doesNotContain("\tat ");

        Outcome sqlite = run(new StoreFailed("record the run", new SQLException("[SQLITE_FULL] Insertion failed because database is full (database or disk is full)")));
        assertThat(sqlite.exitCode()).isEqualTo(ExitCodes.STATE_UNUSABLE);
        assertThat(sqlite.err()).contains("The state store could not record the run", "fix: " + DiskFull.FIX);

        Outcome postgres = run(new InboundSyncFailed("the database refused sync 'contacts_in''s rows", "check the source is writable",
                new SQLException("could not write block", "53100")));
        assertThat(postgres.exitCode()).as("not 3, a config problem, as before").isEqualTo(ExitCodes.STATE_UNUSABLE);
        assertThat(postgres.err()).contains("fix: " + DiskFull.FIX).doesNotContain("check the source is writable");

        Outcome duckdb = run(new UncheckedIOException(new IOException("IO Error: Could not write file \"x.duckdb.wal\": No space left on device")));
        assertThat(duckdb.exitCode()).isEqualTo(ExitCodes.STATE_UNUSABLE);
        assertThat(duckdb.err()).contains("the disk is full");
    }

    @Test
    void sfsyncs_own_guess_beside_an_io_error_is_not_taken_for_a_full_disk() {
        assertThat(DiskFull.in(new IllegalStateException("cannot write the Bulk upload file x.csv (disk full?)"))).isFalse();
        assertThat(run(new IllegalStateException("cannot write the Bulk upload file x.csv (disk full?)")).exitCode()).isEqualTo(CommandFailures.UNEXPECTED);
    }
}

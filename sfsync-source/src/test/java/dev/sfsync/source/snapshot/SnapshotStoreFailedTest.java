package dev.sfsync.source.snapshot;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotStoreFailedTest {
    @Test
    void a_file_locked_by_another_process_says_to_wait_for_it() {
        assertThat(SnapshotStoreFailed.of("open", new SQLException("IO Error: Could not set lock on file \"snapshots.duckdb\": Conflicting lock is held"))
                .fix()).contains("another sfsync process");
    }

    @Test
    void running_out_of_memory_is_no_lock_and_points_to_the_diff_in_the_warehouse() {
        SnapshotStoreFailed failed = SnapshotStoreFailed.of("detect changes", new SQLException("Appender error, table: 'rows_1', message: Failed to"
                + " append: could not allocate block of size 256.0 KiB (953.5 MiB/953.6 MiB used)"));

        assertThat(failed.fix()).doesNotContain("another sfsync process").contains("change_detection: warehouse");
    }
}

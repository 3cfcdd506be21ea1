package dev.sfsync.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FigureTableTest {
    private static Sample run(String figure, long rows) {
        return new Sample(figure, rows, 1, 1, 1, 1, 1, 1, "");
    }

    @Test
    void each_first_sync_is_held_to_its_own_target_against_jsforce() {
        assertThat(FigureTable.target(run("sfsync run, Bulk API 2.0", 1_000_000))).isEqualTo(0.5);
        assertThat(FigureTable.target(run("sfsync run, Bulk API 1.0 (batches of 10,000)", 10_000_000))).isEqualTo(0.5);
        assertThat(FigureTable.target(run("sfsync run, Bulk API 2.0", 100_000))).isEqualTo(1.0);
        assertThat(FigureTable.target(run("sfsync run, REST sObject Collections", 1_000_000))).isEqualTo(2.33);
    }
}

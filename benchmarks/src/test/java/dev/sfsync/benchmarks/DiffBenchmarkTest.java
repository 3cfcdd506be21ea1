package dev.sfsync.benchmarks;

import dev.sfsync.core.change.ChangeCounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A smoke run of the diff benchmark with tiny sizes: it runs end to end and sees the changes it made. */
class DiffBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void the_diff_benchmark_finds_the_changes_it_made_and_none_on_rerun() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        DiffBenchmark.Result result = DiffBenchmark.run(20_000, "256MB", dir, new PrintStream(log, true), false);

        assertThat(result.changed()).isEqualTo(new ChangeCounts(20_000, 20, 200, 20, 0));
        assertThat(result.rerun()).isEqualTo(new ChangeCounts(20_000, 0, 0, 0, 0));
        assertThat(result.phases()).hasSize(8).allSatisfy(phase -> assertThat(phase.peakRssBytes()).isPositive());
        assertThat(log.toString()).contains("DIFF: detect changes").contains("UNCHANGED RERUN");
    }
}

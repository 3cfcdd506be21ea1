package dev.sfsync.benchmarks;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke run of the scheduler benchmark, tiny and fast (its clocks run 20 times faster than the wall, so 3.5 minutes
 * pass in about 10 s): three nodes on one Postgres start every due slot of every sync once.
 */
@Tag("postgres")
class SchedulerBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void three_nodes_on_one_postgres_start_every_slot_once_and_report_cpu_and_lag() throws Exception {
        var options = new SchedulerBenchmark.Options(5, Duration.ofMillis(10_500), 20, Duration.ofMillis(500), Duration.ofMillis(500));
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        SchedulerBenchmark.Result result = SchedulerBenchmark.run(3, options, dir, new PrintStream(log, true));

        // first slots at each sync's own offset within the first minute, then every minute after the last ended: 3 or 4
        // slots per sync in 3.5 minutes (2 when a run's own time pushes the last one out)
        assertThat(result.runs()).isBetween(5 * 2, 5 * 4);
        assertThat(result.doubles()).isZero();
        assertThat(result.missed()).isZero();
        assertThat(result.nodes()).hasSize(3).allSatisfy(node -> assertThat(node.schedulerCpuSeconds()).isPositive());
        assertThat(result.nodes().stream().mapToInt(SchedulerBenchmark.NodeFigures::runs).sum()).isEqualTo(result.runs());
        assertThat(SchedulerBenchmark.render(List.of(result))).contains("| 3 nodes, one Postgres | node-a |").contains("| node-c |");
    }
}

package dev.sfsync.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke run of {@code ./bench compare} with tiny sizes: every figure is measured end to end (the CLI in child JVMs,
 * jsforce on Node, both against the emulated org) and lands in the table with sane values. The harness itself checks
 * that every run left all its records in the org and fails otherwise. Needs npm (it runs npm ci in compat/jsforce
 * once, as JsforceCompatibilityIT does) and GNU time.
 */
class CompareCommandTest {
    private static final long ROWS = 300;
    private static final long DIFF_ROWS = 5_000;

    @TempDir
    Path work;

    @Test
    void a_tiny_run_fills_every_figure_of_the_table() throws Exception {
        CompareOptions options = new CompareOptions(List.of(ROWS), List.of(DIFF_ROWS), 1, 1, List.of(SyncApi.values()), true, "256MB",
                work.resolve("table.md"), work);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        CompareCommand.Report report = CompareCommand.run(options, SfsyncCli.onClassPath(), CompareCommand.repository(), "smoke",
                new PrintStream(log, true));

        List<Sample> samples = report.table().samples();
        assertThat(samples).extracting(Sample::figure).containsExactly(DiffFigures.DETECT, DiffFigures.RERUN,
                "sfsync run, REST sObject Collections", "sfsync rerun, nothing changed, REST sObject Collections",
                "sfsync run, Bulk API 1.0 (batches of 10,000)", "sfsync rerun, nothing changed, Bulk API 1.0 (batches of 10,000)",
                "sfsync run, Bulk API 2.0", "sfsync rerun, nothing changed, Bulk API 2.0", FigureTable.JSFORCE);
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.wallSeconds()).isPositive();
            assertThat(s.peakRssBytes()).isGreaterThan(10L << 20);
        });
        assertThat(samples).filteredOn(s -> s.figure().startsWith("sfsync run")).allSatisfy(s -> {
            assertThat(s.cpuSeconds()).isPositive();
            assertThat(s.orgCalls()).as("the org's count and sfsync's log agree: " + s).isEqualTo(s.ownCalls())
                    .isGreaterThanOrEqualTo(s.minimumCalls()).isPositive();
            assertThat(s.callsByKind()).contains("describe");
        });
        assertThat(samples).filteredOn(s -> s.figure().startsWith("sfsync rerun"))
                .allSatisfy(s -> assertThat(s.orgCalls() + s.ownCalls()).as("calls of an unchanged rerun").isZero());
        assertThat(samples).filteredOn(s -> s.figure().equals(FigureTable.JSFORCE))
                .allSatisfy(s -> assertThat(s.orgCalls()).isGreaterThanOrEqualTo(s.minimumCalls()));
        assertThat(report.text()).contains("| sfsync run, Bulk API 2.0 | 300 | 1 |").containsPattern("\\| \\d+\\.\\d\\d( \\(target <= 1.00\\))? \\|\\n");
    }
}

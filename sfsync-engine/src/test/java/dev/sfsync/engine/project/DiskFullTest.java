package dev.sfsync.engine.project;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.testing.EmulatedOrg;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The state directory on a real filesystem too small for the run (a tmpfs of a few hundred kilobytes, mounted for the
 * test; it needs root, as CI's container has, and is skipped elsewhere): the run stops with a message and a fix when
 * the disk fills, and once space is freed (the tmpfs grown) the rerun creates the rest, none of them twice.
 */
class DiskFullTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");
    static final int ROWS = 4_000;

    @TempDir
    Path dir;
    EngineHarness harness;
    Path state;

    @BeforeEach
    void setUp() throws Exception {
        harness = new EngineHarness(dir, org).sql("create table accounts as select 'A' || i as id, 'Account ' || i as name from range(" + ROWS + ") t(i)");
        state = Files.createDirectories(dir.resolve(SyncProject.STATE_DIRECTORY));
        assumeThat(shell("mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", state.toString()))
                .as("mounting a small tmpfs (needs root)").isZero();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
        shell("umount", state.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rest", "bulk2"})
    void an_insert_stopped_by_a_full_disk_is_finished_by_the_rerun_without_duplicates(String api) throws Exception {
        harness.config(EngineHarness.ACCOUNTS_SYNC + """
                mode: insert
                api: %s
                match: {column: id, field: External_Key__c}
                mappings: [{from: name, to: Name}]
                """.formatted(api).indent(4));

        SfsyncException full = null;
        RunResult first = null;
        try {
            first = harness.run("accounts");
        } catch (SfsyncException e) {
            full = e;
        }
        assertThat(full).as("the full disk stopped the run").isNotNull();
        assertThat(full.fix()).contains("free disk space");
        int createdBefore = org.records("Account").size();
        assertThat(createdBefore).as("it stopped mid-run").isLessThan(ROWS);

        harness.close();
        assertThat(shell("mount", "-o", "remount,size=64m", state.toString())).isZero();
        RunResult rerun = harness.run("accounts");

        Map<Object, Long> perKey = harness.accountsPerKey();
        assertThat(perKey).hasSize(ROWS);
        assertThat(perKey.values()).as("no row created twice").allMatch(count -> count == 1);
        assertThat(rerun.allSucceeded()).isTrue();
        assertThat(harness.run("accounts").changes().total()).as("the snapshot holds every row").isZero();
    }

    private static int shell(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}

package dev.sfsync.cli;

import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.SystemFields;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

/** An `sfsync run` of an inbound sync killed (SIGKILL) in the middle of its initial sync, and the run after it. */
class InboundCrashTest {
    static final int CONTACTS = 5_000;   // three REST query pages of 2,000

    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/cli-test.yaml");

    @TempDir
    Path project;

    @Test
    void a_run_killed_mid_initial_sync_leaves_a_rerun_that_ends_with_the_table_equal_to_the_org() throws Exception {
        ConnectedProject.write(org, project, """
                sources:
                  warehouse: {url: "jdbc:duckdb:warehouse.duckdb"}
                inbound:
                  contacts_in:
                    object: Contact
                    table: sf_contacts
                    fields: [FirstName, LastName, Email]
                    api: rest
                """);
        ConnectedProject.connect(org, project);
        List<String> ids = seed(org.host().org());
        // Each query page waits, so the process is surely killed between pages: rows of the first page are written.
        org.faults().set("latency: [{api: rest, path: /query, fixedMillis: 1500}]");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SfsyncCommand.class.getName(), "run", "contacts_in", "--project", project.toString())
                .redirectErrorStream(true).redirectOutput(project.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (queryPagesAsked() < 2 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(child.isAlive()).as("the run is still reading pages: " + Files.readString(project.resolve("child.log"))).isTrue();
        child.destroyForcibly();   // SIGKILL: no shutdown hook, no finally block runs
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
        org.faults().clear();

        ProjectCommandsTest.Result rerun = sfsync("run", "contacts_in", "--project", project.toString());

        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.out()).contains("initial sync into sf_contacts");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("warehouse.duckdb"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id), count(*) FILTER (WHERE lastname = 'Last' || substr(email, 7,"
                     + " strpos(email, '@') - 7)) FROM sf_contacts")) {
            rs.next();
            assertThat(rs.getLong(1)).as("rows").isEqualTo(CONTACTS);
            assertThat(rs.getLong(2)).as("distinct ids").isEqualTo(CONTACTS);
            assertThat(rs.getLong(3)).as("rows with their record's values").isEqualTo(CONTACTS);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("warehouse.duckdb"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM sf_contacts ORDER BY id")) {
            List<String> table = new ArrayList<>();
            while (rs.next()) {
                table.add(rs.getString(1));
            }
            assertThat(table).isEqualTo(ids.stream().sorted().toList());
        }
    }

    private static long queryPagesAsked() {
        return org.faults().log().stream().filter(e -> "latency".equals(e.fault()) && e.path() != null && e.path().contains("/query")).count();
    }

    private static List<String> seed(Org target) {
        RecordStore store = target.store("Contact").orElseThrow();
        String owner = target.defaultUser().id();
        Instant written = target.clock().instant().minus(Duration.ofDays(1));
        List<String> ids = new ArrayList<>();
        synchronized (target.writeLock()) {
            for (int i = 0; i < CONTACTS; i++) {
                String id = target.ids().next(store.schema().keyPrefix());
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("FirstName", "First" + i);
                values.put("LastName", "Last" + i);
                values.put("Email", "person" + i + "@example.com");
                values.put("OwnerId", owner);
                store.put(new StoredRecord(id, store.schema(), SystemFields.stamp(values, id, owner, written, true)));
                ids.add(id);
            }
        }
        return ids;
    }
}

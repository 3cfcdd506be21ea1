package dev.sfsync.benchmarks;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.SystemFields;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./bench twoway [records, default 1000000]}: a two-way sync of that many Contacts with a DuckDB table holding
 * the same people (matched by email, every value already equal), run twice by the sfsync jar as a child process: the
 * first run pairs every row with its record, stores the Salesforce Ids and the last-synced values and writes nothing
 * to Salesforce; the second, with no edit on either side, must write nothing at all; the third follows an edit of 1 %
 * of the records in Salesforce and another 1 % of the rows in the table. Time, CPU, peak RSS and API
 * calls by kind, as {@link InboundBenchmark} reports them.
 */
final class TwoWayBenchmark {
    private TwoWayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path root = Path.of(System.getProperty("sfsync.root", "."));
        Path directory = Files.createTempDirectory("sfsync-twoway-bench");
        try (Emulator emulator = Emulator.builder().org(OrgDefinitionLoader.defaultOrg()).bindAddress("127.0.0.1").build().start()) {
            OrgHost host = emulator.host();
            SfsyncCli.jar(root).warmUp(host, directory);
            Org org = host.org();
            long seedStart = System.nanoTime();
            InboundBenchmark.seed(org, records);
            table(directory.resolve("warehouse.duckdb"), records);
            System.out.printf("seeded %,d Contacts and %,d table rows in %.1f s%n", records, records, (System.nanoTime() - seedStart) / 1e9);

            SfsyncCli cli = SfsyncCli.jar(root);
            SfsyncCli.Project project = InboundBenchmark.connectedProject(cli, host, directory, "jdbc:duckdb:warehouse.duckdb", """
                    two_way:
                      contacts_2way:
                        object: Contact
                        table: crm_contacts
                        key: id
                        match: {column: email, field: Email}
                        mappings:
                          - {column: first_name, field: FirstName, direction: both}
                          - {column: phone, field: Phone, direction: outbound}
                          - {column: title, field: Title, direction: inbound}
                    """);
            List<String> lines = new ArrayList<>();
            lines.add(InboundBenchmark.figure("first run", records, cli.command(project, "run", "contacts_2way"), directory));
            lines.add(InboundBenchmark.figure("no-edit rerun", records, cli.command(project, "run", "contacts_2way"), directory));
            int edited = editBothSides(org, directory.resolve("warehouse.duckdb"), records);
            lines.add(InboundBenchmark.figure("1 % each side", edited, cli.command(project, "run", "contacts_2way"), directory));
            InboundBenchmark.printFigures(lines);
        }
    }

    /**
     * Edits 1 % of the Contacts in the org (FirstName, which flows both ways, and Title, inbound) and another 1 % of the
     * table's rows (first_name and phone, outbound): the run after must update as many rows of the table and
     * records of Salesforce (200 a call), and no others. Returns the rows edited on both sides together.
     */
    private static int editBothSides(Org org, Path file, int records) throws Exception {
        Thread.sleep(1_100);   // a new second, after the runs before
        RecordStore store = org.store("Contact").orElseThrow();
        Instant now = org.clock().instant();
        int inSalesforce = 0;
        synchronized (org.writeLock()) {
            for (StoredRecord record : new ArrayList<>(store.all())) {
                int person = Integer.parseInt(String.valueOf(record.values().get("Email")).replaceAll("\\D", ""));
                if (person % 100 == 0) {
                    Map<String, Object> values = new LinkedHashMap<>(record.values());
                    values.put("FirstName", "SfEdit" + person);
                    values.put("Title", "Changed");
                    store.put(new StoredRecord(record.id(), record.schema(), SystemFields.stamp(values, record.id(), org.defaultUser().id(), now, false)));
                    inSalesforce++;
                }
            }
        }
        int inTable;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
            inTable = s.executeUpdate("UPDATE crm_contacts SET first_name = 'DbEdit' || id, phone = '555-0000' WHERE CAST(substr(id, 2) AS INTEGER) % 100 = 50");
        }
        System.out.printf("edited %,d Contacts in Salesforce and %,d other rows in the table (of %,d)%n", inSalesforce, inTable, records);
        return inSalesforce + inTable;
    }

    /** The same people as {@link InboundBenchmark#seed}, with the same values, as a warehouse table would hold them. */
    private static void table(Path file, int records) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE crm_contacts (id VARCHAR PRIMARY KEY, email VARCHAR, first_name VARCHAR, phone VARCHAR, title VARCHAR,"
                    + " salesforce_id VARCHAR)");
            s.execute("INSERT INTO crm_contacts SELECT 'k' || i, 'person' || i || '@example.com', 'First' || i, '555-' || (1000 + i % 9000),"
                    + " CASE WHEN i % 3 = 0 THEN 'Engineer' ELSE 'Manager' END, NULL FROM range(" + records + ") t(i)");
        }
    }
}

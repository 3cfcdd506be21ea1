package dev.sfsync.benchmarks;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.OrgDefinitionLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./bench twoway [records, default 1000000]}: a two-way sync of that many Contacts with a DuckDB table holding
 * the same people (matched by email, every value already equal), run twice by the sfsync jar as a child process: the
 * first run pairs every row with its record, stores the Salesforce Ids and the last-synced values and writes nothing
 * to Salesforce; the second, with no edit on either side, must write nothing at all. Time, CPU, peak RSS and API
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
            InboundBenchmark.printFigures(lines);
        }
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

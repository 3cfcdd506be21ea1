package dev.sfsync.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rows both sides load: a DuckDB file with N accounts x 10 columns (sfsync's model) and the same rows as a CSV
 * file with Salesforce's field names as its header (what a jsforce user would hand to Bulk 2.0). Every value is
 * valid for the default emulated org, so every row must end as a created record on either side.
 */
record AccountModel(long rows, Path duckDb, Path csv, long csvBytes) {
    /** Model column -> Account field; the first is the external key both sides upsert on. */
    record Column(String name, String expression, String field) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("account_key", "'K' || lpad(i::VARCHAR, 9, '0')", "External_Key__c"),
            new Column("name", "'Account ' || i", "Name"),
            new Column("tier", "['Gold', 'Silver', 'Bronze'][i % 3 + 1]", "Tier__c"),
            new Column("health_score", "round((i % 10000) / 100.0, 2)", "Health_Score__c"),
            new Column("is_customer", "i % 2 = 0", "Is_Customer__c"),
            new Column("employees", "(i % 5000)::INTEGER", "NumberOfEmployees"),
            new Column("revenue", "(i * 37) % 10000000", "AnnualRevenue"),
            new Column("city", "'City ' || (i % 5000)", "BillingCity"),
            new Column("phone", "'+1 555 ' || lpad((i % 10000000)::VARCHAR, 7, '0')", "Phone"),
            new Column("website", "'https://a' || i || '.example.com'", "Website"));

    static AccountModel create(Path directory, long rows) throws IOException, SQLException {
        Files.createDirectories(directory);
        Path duckDb = directory.resolve("model-" + rows + ".duckdb");
        Path csv = directory.resolve("accounts-" + rows + ".csv");
        Files.deleteIfExists(duckDb);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + duckDb); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE accounts AS SELECT " + COLUMNS.stream().map(c -> c.expression() + " AS " + c.name())
                    .collect(Collectors.joining(", ")) + " FROM range(" + rows + ") t(i)");
            sql.execute("COPY (SELECT " + COLUMNS.stream().map(c -> c.name() + " AS " + c.field()).collect(Collectors.joining(", "))
                    + " FROM accounts ORDER BY account_key) TO '" + csv + "' (HEADER, DELIMITER ',')");
        }
        return new AccountModel(rows, duckDb, csv, Files.size(csv));
    }

    /** The model's SQL and the sync's mappings, as sfsync.yaml lines. */
    static String syncYaml(SyncApi api) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("    match: {column: ").append(COLUMNS.getFirst().name()).append(", field: ").append(COLUMNS.getFirst().field()).append("}\n");
        yaml.append("    mappings:\n");
        COLUMNS.stream().skip(1).forEach(c -> yaml.append("      - {from: ").append(c.name()).append(", to: ").append(c.field()).append("}\n"));
        yaml.append("    api: ").append(api.configName()).append('\n');
        if (api.batchSize() > 0) {
            yaml.append("    batch_size: ").append(api.batchSize()).append('\n');
        }
        return yaml.toString();
    }
}

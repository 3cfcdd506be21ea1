package dev.sfsync.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The demo's sample warehouse: a DuckDB file with accounts and contacts, a few of them wrong in the ways real
 * warehouses are wrong, and the data fixes a user would then make.
 */
final class DemoWarehouse {
    static final String FILE_NAME = "warehouse.duckdb";
    static final int ACCOUNTS = 3_000;
    static final int CONTACTS = 6_000;
    static final int TOO_LONG_NAMES = 3;
    static final int BAD_TIERS = 4;
    static final int UNKNOWN_ACCOUNT_KEYS = 5;
    /** Both rows sharing a match value are rejected before sending: they would write the same record. */
    static final int DUPLICATED_MATCH_ROWS = 2;

    /** Contacts point at the first accounts only, so an account that is wrong on purpose leaves no contact orphaned. */
    private static final int ACCOUNTS_WITH_CONTACTS = 2_900;

    private DemoWarehouse() {
    }

    static void create(Path directory) throws SQLException {
        run(directory, List.of(
                // id is the warehouse's own key; account_key is what Salesforce matches on (Account.External_Key__c).
                "CREATE TABLE accounts AS SELECT i AS id, printf('ACC-%05d', i) AS account_key, 'Company ' || i AS name,"
                        + " ['Gold', 'Silver', 'Bronze'][1 + i % 3] AS tier, 10 + (i * 37) % 5000 AS employees FROM range(1, "
                        + (ACCOUNTS + 1) + ") t(i)",
                "UPDATE accounts SET name = 'Company ' || id || ' ' || repeat('and Sons ', 35) WHERE id BETWEEN 2901 AND " + (2900 + TOO_LONG_NAMES),
                "UPDATE accounts SET tier = 'Platinum' WHERE id BETWEEN 2911 AND " + (2910 + BAD_TIERS),
                // Two warehouse rows (different ids) carry the same account key: an upstream merge gone wrong.
                "UPDATE accounts SET account_key = 'ACC-00021' WHERE id = 22",
                "CREATE TABLE contacts AS SELECT i AS id, printf('CON-%05d', i) AS contact_key, 'Person' AS first_name,"
                        + " 'Number ' || i AS last_name, 'person' || i || '@example.com' AS email,"
                        + " printf('ACC-%05d', 100 + i % " + (ACCOUNTS_WITH_CONTACTS - 100) + ") AS account_key FROM range(1, " + (CONTACTS + 1) + ") t(i)",
                "UPDATE contacts SET account_key = 'ACC-9' || id WHERE id <= " + UNKNOWN_ACCOUNT_KEYS));
    }

    /** What a user would fix after reading the first run's failures; the next run sends exactly these rows. */
    static List<String> fixes() {
        return List.of(
                "UPDATE accounts SET name = 'Company ' || id || ' and Sons' WHERE length(name) > 255",
                "UPDATE accounts SET tier = 'Gold' WHERE tier = 'Platinum'",
                "UPDATE accounts SET account_key = 'ACC-03001' WHERE id = 22",
                "UPDATE contacts SET account_key = 'ACC-00001' WHERE account_key LIKE 'ACC-9%'");
    }

    static void fix(Path directory) throws SQLException {
        run(directory, fixes());
    }

    private static void run(Path directory, List<String> statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + directory.resolve(FILE_NAME).toAbsolutePath());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}

package dev.sfsync.source.warehouse;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SQL a warehouse speaks, for change detection inside it: how names are quoted, what a text column is called,
 * how a row of mapped columns is hashed, and how the snapshot advances. The statements themselves are built by the
 * snapshot package from these pieces; a dialect holds only what differs between warehouses.
 * <p>
 * Every dialect is standard SQL but for what it overrides; a subclass is one warehouse's differences and nothing else.
 */
public abstract class WarehouseDialect {
    /** How the snapshot moves forward at commit. */
    public enum Advance {
        /**
         * DELETE and INSERT ... SELECT, with the failures and the run's clean-up, in one transaction: for warehouses
         * whose DDL and DML share transactions.
         */
        TRANSACTION,
        /** One MERGE statement (atomic by itself); the rest of the commit is idempotent, so a crash is repaired by redoing it. */
        MERGE
    }

    /** The warehouse's name, for messages and the README. */
    public abstract String name();

    /**
     * The row hash over the given SQL expressions (the mapped columns), as the warehouse computes it. It must tell
     * apart a null from an empty text and a value moved from one column to the next; an empty list hashes to a constant.
     */
    public abstract String rowHash(List<String> columns);

    /**
     * A query whose one value changes whenever {@link #rowHash} would hash the same row differently (another
     * warehouse version, another sfsync encoding): a snapshot hashed otherwise is resent once, not compared wrongly.
     */
    public String hashProbe() {
        return "SELECT " + text(rowHash(List.of("42", "'sfsync'", nullText(), "1.5"))) + " AS probe";
    }

    public Advance advance() {
        return Advance.MERGE;
    }

    /** A subquery the planner should compute once rather than inline into each place that reads its columns. */
    public String fence(String subquery) {
        return subquery;
    }

    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    public String table(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    public String textType() {
        return "VARCHAR";
    }

    public String integerType() {
        return "BIGINT";
    }

    /** A value as text, as the snapshot keys it and Salesforce receives it. */
    public String text(String expression) {
        return "CAST(" + expression + " AS " + textType() + ")";
    }

    public String nullText() {
        return "CAST(NULL AS " + textType() + ")";
    }

    public String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + quote(schema);
    }

    public String createTableAs(String table, String select) {
        return "CREATE TABLE " + table + " AS " + select;
    }

    public String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + table;
    }

    /** Deletes the rows of {@code table} (aliased {@code alias} in {@code condition}) where the condition holds. */
    public String deleteFrom(String table, String alias, String condition) {
        return "DELETE FROM " + table + " " + alias + " WHERE " + condition;
    }

    /** {@code condition} with {@code alias.} replaced by the table's own name, for warehouses whose DELETE takes no alias. */
    protected static String unaliased(String condition, String alias, String table) {
        return condition.replaceAll("(?<![\\w\"`])" + java.util.regex.Pattern.quote(alias) + "\\.",
                java.util.regex.Matcher.quoteReplacement(table + "."));
    }

    /** A table's column list in DDL, from name/type pairs. */
    public String createTable(String table, List<String> columnsAndTypes) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (" + String.join(", ", columnsAndTypes) + ")";
    }

    /**
     * Sets {@code column} of {@code target} (aliased {@code t}) to {@code source.newColumn} where {@code on} holds,
     * {@code source} being a subquery aliased {@code c}; both columns are sfsync's own, unquoted names. Most warehouses
     * say it with UPDATE ... FROM.
     */
    public String updateFrom(String target, String column, String source, String newColumn, String on) {
        return "UPDATE " + target + " t SET " + column + " = c." + newColumn + " FROM " + source + " c WHERE " + on;
    }

    /** A length-prefixed concatenation of the columns' text: unambiguous, so a hash of it can't confuse two rows. */
    protected String encoded(List<String> columns, String concat) {
        return columns.stream()
                .map(c -> "coalesce(" + concat(concat, text("length(" + text(c) + ")"), "':'", text(c)) + ", '~')")
                .collect(Collectors.joining(" " + concat + " '|' " + concat + " "));
    }

    private static String concat(String operator, String... parts) {
        return String.join(" " + operator + " ", parts);
    }

    /**
     * The dialect for a JDBC URL; empty for a warehouse sfsync cannot diff in place (such a source keeps
     * {@code change_detection: local}).
     */
    public static Optional<WarehouseDialect> forUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return Optional.of(new PostgresDialect());
        }
        if (lower.startsWith("jdbc:redshift:")) {
            return Optional.of(new RedshiftDialect());
        }
        if (lower.startsWith("jdbc:snowflake:")) {
            return Optional.of(new SnowflakeDialect());
        }
        if (lower.startsWith("jdbc:bigquery:")) {
            return Optional.of(new BigQueryDialect());
        }
        if (lower.startsWith("jdbc:databricks:") || lower.startsWith("jdbc:spark:")) {
            return Optional.of(new DatabricksDialect());
        }
        if (lower.startsWith("jdbc:trino:")) {
            return Optional.of(new TrinoDialect());
        }
        if (lower.startsWith("jdbc:duckdb:")) {
            return Optional.of(new DuckDbDialect());
        }
        return Optional.empty();
    }

    /** The warehouses {@link #forUrl} knows, for messages. */
    public static List<String> supported() {
        return List.of("Postgres", "Redshift", "Snowflake", "BigQuery", "Databricks", "Trino", "DuckDB");
    }
}

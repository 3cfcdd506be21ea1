package dev.sfsync.source.drivers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The JDBC drivers sfsync does not bundle (large, or licensed apart) and knows how to fetch: the Maven artifact,
 * the version tested with sfsync's SQL, the driver class, and the URLs it serves. BigQuery's driver is not on Maven
 * Central, so it is placed by hand.
 */
public enum KnownDriver {
    SNOWFLAKE("net.snowflake", "snowflake-jdbc", "4.4.1", "net.snowflake.client.jdbc.SnowflakeDriver", "jdbc:snowflake:"),
    BIGQUERY(null, null, null, "com.simba.googlebigquery.jdbc.Driver", "jdbc:bigquery:"),
    REDSHIFT("com.amazon.redshift", "redshift-jdbc42", "2.3.0", "com.amazon.redshift.jdbc.Driver", "jdbc:redshift:"),
    DATABRICKS("com.databricks", "databricks-jdbc", "3.4.5", "com.databricks.client.jdbc.Driver", "jdbc:databricks:"),
    TRINO("io.trino", "trino-jdbc", "484", "io.trino.jdbc.TrinoDriver", "jdbc:trino:"),
    MYSQL("com.mysql", "mysql-connector-j", "9.4.0", "com.mysql.cj.jdbc.Driver", "jdbc:mysql:"),
    SQLSERVER("com.microsoft.sqlserver", "mssql-jdbc", "13.2.1.jre11", "com.microsoft.sqlserver.jdbc.SQLServerDriver", "jdbc:sqlserver:"),
    ORACLE("com.oracle.database.jdbc", "ojdbc11", "23.26.4.0.0", "oracle.jdbc.OracleDriver", "jdbc:oracle:");

    private final String group;
    private final String artifact;
    private final String version;
    private final String driverClass;
    private final String urlPrefix;

    KnownDriver(String group, String artifact, String version, String driverClass, String urlPrefix) {
        this.group = group;
        this.artifact = artifact;
        this.version = version;
        this.driverClass = driverClass;
        this.urlPrefix = urlPrefix;
    }

    /** The name {@code sfsync drivers add} takes. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String driverClass() {
        return driverClass;
    }

    public String defaultVersion() {
        return version;
    }

    /** False for drivers their vendor does not publish to Maven Central. */
    public boolean onMavenCentral() {
        return group != null;
    }

    /** The artifact of this driver at {@code version}; only for drivers {@link #onMavenCentral()}. */
    public DriverArtifact artifact(String version) {
        if (!onMavenCentral()) {
            throw new IllegalStateException(id() + "'s driver is not on Maven Central");
        }
        return new DriverArtifact(group, artifact, version, driverClass);
    }

    /** How to get this driver into a project: the command, or for BigQuery where to download it. */
    public String howToAdd() {
        return onMavenCentral()
                ? "run 'sfsync drivers add " + id() + "': it downloads " + artifact(version) + " into the project's drivers/ directory"
                : "download Google's BigQuery JDBC driver (Simba) and put its jars in the project's drivers/ directory (or a directory named by SFSYNC_DRIVERS)";
    }

    public static Optional<KnownDriver> forUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> lower.startsWith(d.urlPrefix)).findFirst();
    }

    public static Optional<KnownDriver> byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id().equalsIgnoreCase(id)).findFirst();
    }
}

package dev.sfsync.source;

import dev.sfsync.testing.PostgresServer;
import dev.sfsync.core.model.Model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("postgres")
class PostgresSourceTest extends SourceContract {
    static String url;

    @BeforeAll
    static void database() {
        url = PostgresServer.shared().createDatabase("source_reading");
    }

    @Override
    Source source() {
        return Source.open(new SourceConfig("crm", url, "postgres", ""));
    }

    @Override
    void sql(String statement) {
        PostgresServer.execute(url, statement);
    }

    @Override
    String timestampTzType() {
        return "TIMESTAMPTZ";
    }

    @Test
    void an_unreachable_server_is_reported_with_what_to_check() {
        Source down = Source.open(new SourceConfig("crm", "jdbc:postgresql://127.0.0.1:1/nowhere", "postgres", "secret"));
        assertThatThrownBy(() -> down.describe(Model.of("m", "SELECT 1 AS id", "id")))
                .isInstanceOf(UnableToOpenSource.class).hasMessageContaining("Can't open source 'crm'")
                .hasMessageContaining("server is running");
    }

    @Test
    void a_url_no_driver_accepts_is_reported_as_such() {
        Source unknown = Source.open(SourceConfig.of("odd", "jdbc:nosuchdb://host/db"));
        assertThatThrownBy(() -> unknown.describe(Model.of("m", "SELECT 1 AS id", "id")))
                .isInstanceOf(UnableToOpenSource.class).hasMessageContaining("no JDBC driver on the classpath accepts this URL");
    }
}

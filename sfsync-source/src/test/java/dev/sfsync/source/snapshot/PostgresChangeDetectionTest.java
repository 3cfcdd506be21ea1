package dev.sfsync.source.snapshot;

import dev.sfsync.testing.PostgresServer;
import dev.sfsync.source.Source;
import dev.sfsync.source.SourceConfig;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;


/** The change detection contract over a Postgres source, whose rows are streamed into the snapshot store. */
@Tag("postgres")
class PostgresChangeDetectionTest extends ChangeDetectionContract {
    static String url;

    @BeforeAll
    static void database() {
        url = PostgresServer.shared().createDatabase("change_detection");
    }

    @Override
    Source source() {
        return Source.open(new SourceConfig("crm", url, "postgres", ""));
    }

    @Override
    void sql(String statement) {
        PostgresServer.execute(url, statement);
    }
}

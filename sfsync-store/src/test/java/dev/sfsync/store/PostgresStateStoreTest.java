package dev.sfsync.store;

import dev.sfsync.testing.PostgresServer;
import dev.sfsync.store.secret.EncryptionKey;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** The state store contract on Postgres; "stored data" is every text column of every table, as the database holds it. */
@Tag("postgres")
class PostgresStateStoreTest extends StateStoreContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    String url;

    @Override
    @BeforeEach
    void openStore() {
        url = PostgresServer.shared().createDatabase("state_store_" + DATABASES.incrementAndGet());
        super.openStore();
    }

    @Override
    StateStore open(EncryptionKey key) {
        return StateStore.postgres(url, "postgres", "").encryptionKey(key).clock(clock).open();
    }

    @Override
    boolean storedDataContains(String text) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", ""); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM connections")) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    if (String.valueOf(rs.getString(i)).contains(text)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

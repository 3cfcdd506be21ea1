package dev.sfsync.source.snapshot;

import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Outcomes into Postgres through {@code COPY ... FROM STDIN} in CSV: one statement a batch, no parameters to bind,
 * written to the server in chunks as they are encoded. In autocommit the COPY is its own transaction, so a batch is
 * loaded whole or not at all.
 */
final class CopyOutcomeLoader implements OutcomeLoader {
    /** Encoded text sent to the server per write: large enough for few writes, small enough to stay out of the heap's way. */
    private static final int CHUNK = 64 * 1024;

    private final Connection connection;
    private final String copy;

    CopyOutcomeLoader(Connection connection, WarehouseTables tables, String outcomesTable) {
        this.connection = connection;
        this.copy = "COPY " + outcomesTable + " (" + OutcomeLoader.columns(tables) + ") FROM STDIN WITH (FORMAT csv)";
    }

    /** Whether the connection is one of the bundled Postgres driver's (a Redshift or other driver's is not). */
    static boolean accepts(Connection connection) {
        try {
            return connection.isWrapperFor(PGConnection.class);
        } catch (SQLException | RuntimeException e) {
            // Some drivers implement no unwrapping at all; they load through INSERT.
            return false;
        }
    }

    @Override
    public void load(List<? extends RowOutcome> outcomes, long firstSequence) throws SQLException {
        if (outcomes.isEmpty()) {
            return;
        }
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            StringBuilder text = new StringBuilder(CHUNK + 1024);
            long sequence = firstSequence;
            for (RowOutcome outcome : outcomes) {
                for (String value : outcome.key().values()) {
                    field(text, value).append(',');
                }
                RowError error = outcome.error();
                field(text, outcome.status().name()).append(',');
                field(text, outcome.recordId()).append(',');
                field(text, error == null ? null : error.code()).append(',');
                field(text, error == null ? null : error.message()).append(',');
                text.append(sequence++).append('\n');
                if (text.length() >= CHUNK) {
                    write(in, text);
                }
            }
            write(in, text);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** CSV as COPY reads it: null is an empty unquoted field, every value is quoted (so an empty text stays empty). */
    private static StringBuilder field(StringBuilder text, String value) {
        if (value == null) {
            return text;
        }
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                text.append('"');
            }
            text.append(c);
        }
        return text.append('"');
    }

    private static void write(CopyIn in, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }
}

package dev.sfsync.emulator.bulk1;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.soql.SoqlPlan;
import dev.sfsync.emulator.soql.SoqlProjector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV query results: a header of the selected paths (Id, Account.Name …), then one quoted row a record. A query
 * that matches nothing gives Salesforce's text "Records not found for this query" instead of an empty file.
 */
final class CsvQueryResults implements QueryResults {
    static final String NO_RECORDS = "Records not found for this query";

    private final Path file;
    private final SoqlProjector projector;
    private final List<FieldSchema> fields = new ArrayList<>();
    private final CsvWriter csv;
    private boolean empty = true;

    CsvQueryResults(Path file, SoqlProjector projector) throws IOException {
        this.file = file;
        this.projector = projector;
        for (SoqlPlan.Column column : projector.plan().columns()) {
            if (column instanceof SoqlPlan.FieldColumn(var field, var wrapper, var alias)) {
                fields.add(field.field());
            }
        }
        this.csv = CsvIngestResults.writer(file);
        csv.writeRecord(projector.columnNames());
    }

    @Override
    public void write(StoredRecord record) {
        List<Object> values = projector.flatValues(record);
        List<String> row = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            row.add(QueryResults.text(fields.get(i), values.get(i)));
        }
        csv.writeRecord(row);
        empty = false;
    }

    @Override
    public void close() throws IOException {
        csv.close();
        if (empty) {
            Files.writeString(file, NO_RECORDS, StandardCharsets.UTF_8);
        }
    }
}

package dev.sfsync.emulator.bulk1;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV batch records, header first. As in Salesforce's Bulk API, an empty value leaves the field alone and
 * {@code #N/A} sets it to null.
 */
final class CsvBatchRecords implements BatchRecords {
    static final String NULL_VALUE = "#N/A";

    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> rows;
    private final List<String> header;

    CsvBatchRecords(Path file) throws IOException, MalformedBatch {
        this.reader = CsvReader.builder().detectBomHeader(true).ofCsvRecord(file, StandardCharsets.UTF_8);
        this.rows = reader.iterator();
        try {
            if (!rows.hasNext()) {
                throw new MalformedBatch("The batch has no header row; the first line must name the fields, e.g. Name,Phone");
            }
            this.header = rows.next().getFields().stream().map(String::trim).toList();
        } catch (CsvParseException | UncheckedIOException e) {
            reader.close();
            throw new MalformedBatch("Failed to parse CSV header: " + e.getMessage());
        }
        for (String name : header) {
            if (name.isEmpty()) {
                reader.close();
                throw new MalformedBatch("The CSV header has an empty field name; every column needs a field name");
            }
        }
    }

    @Override
    public List<String> sharedFieldNames() {
        return header;
    }

    @Override
    public Map<String, Object> next() throws MalformedBatch {
        CsvRecord row;
        try {
            if (!rows.hasNext()) {
                return null;
            }
            row = rows.next();
        } catch (CsvParseException e) {
            throw new MalformedBatch("Failed to parse CSV: " + e.getMessage() + "; every row needs as many fields as the header ("
                    + header.size() + ") and quotes must be closed");
        }
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String value = row.getField(i);
            if (value.equals(NULL_VALUE)) {
                record.put(header.get(i), null);
            } else if (!value.isEmpty()) {
                record.put(header.get(i), value);
            }
        }
        return record;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

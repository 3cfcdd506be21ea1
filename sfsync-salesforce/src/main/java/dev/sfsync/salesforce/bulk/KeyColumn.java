package dev.sfsync.salesforce.bulk;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;

/** Reads a Bulk CSV (a request or a result set) row by row, handing each row with its value in one named column. */
public final class KeyColumn {
    private KeyColumn() {
    }

    /**
     * @param row gets each row's key (null when the file lacks the column or the cell is empty) and the row's cells by
     *            header name
     */
    public static void read(InputStream csv, String column, BiConsumer<String, java.util.function.Function<String, String>> row) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                return;
            }
            List<String> header = records.next().getFields();
            int key = header.indexOf(column);
            while (records.hasNext()) {
                CsvRecord record = records.next();
                row.accept(cell(record, key), name -> cell(record, header.indexOf(name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the connection broke while reading a Bulk job's results", e);
        }
    }

    private static String cell(CsvRecord record, int index) {
        if (index < 0 || index >= record.getFieldCount()) {
            return null;
        }
        String value = record.getField(index);
        return value.isEmpty() ? null : value;
    }
}

package dev.sfsync.salesforce.bulk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Streams rows into spool files of bounded size (Bulk 2.0 jobs, Bulk 1.0 batches) and hands each full spool to a
 * sink, so any number of rows passes through a bounded amount of memory and disk per part.
 */
public final class RowSplitter {
    /** Hands a full spool on (an upload); owns the spool from then on. */
    @FunctionalInterface
    public interface Sink<T> {
        T submit(CsvSpool spool, long firstRow);
    }

    /** The most rows and CSV bytes (header included) one part may hold. */
    public record Limit(int maxRows, long maxBytes) {
    }

    private RowSplitter() {
    }

    /**
     * @param rows one list of values per row, in column order
     * @return what the sink returned for each part, in row order; on failure every open spool is deleted
     */
    public static <T> List<T> split(Path directory, List<String> columns, Iterator<? extends List<?>> rows, Limit limit, Sink<T> sink) {
        List<T> parts = new ArrayList<>();
        CsvSpool spool = null;
        long rowNumber = 0;
        long firstRow = 0;
        try {
            while (rows.hasNext()) {
                List<String> cells = CsvValues.cells(columns, rows.next(), rowNumber);
                if (spool == null) {
                    spool = CsvSpool.open(directory, columns);
                    firstRow = rowNumber;
                }
                byte[] line = spool.encode(cells);
                boolean full = spool.rows() >= limit.maxRows() || spool.bytes() + line.length > limit.maxBytes();
                if (spool.rows() > 0 && full) {
                    CsvSpool done = spool;
                    spool = null;
                    parts.add(sink.submit(done, firstRow));
                    spool = CsvSpool.open(directory, columns);
                    firstRow = rowNumber;
                }
                if (spool.bytes() + line.length > limit.maxBytes()) {
                    throw new IllegalArgumentException("row " + rowNumber + " alone is " + line.length + " bytes of CSV, more than one upload may "
                            + "carry (" + limit.maxBytes() + " bytes with the header); shorten its values");
                }
                spool.append(line, cells);
                rowNumber++;
            }
            if (spool != null) {
                CsvSpool last = spool;
                spool = null;
                parts.add(sink.submit(last, firstRow));
            }
            return parts;
        } finally {
            if (spool != null) {
                spool.close();
            }
        }
    }
}

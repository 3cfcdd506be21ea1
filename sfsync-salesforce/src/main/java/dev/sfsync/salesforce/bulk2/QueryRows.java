package dev.sfsync.salesforce.bulk2;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of a finished Bulk API 2.0 query job, fetched a page at a time by Sforce-Locator and parsed as they are
 * read: memory holds one row. Bulk CSV cannot tell null from empty text, so empty cells come back as null.
 * Not thread-safe; close it.
 */
public final class QueryRows implements Iterator<Map<String, String>>, AutoCloseable {
    public static final int DEFAULT_PAGE_SIZE = 50_000;

    /** One page of results and the locator of the next ("null", Salesforce's word for none, when it is the last). */
    public record Page(InputStream body, String nextLocator) {
    }

    /** Fetches the page at a locator (null for the first). */
    @FunctionalInterface
    public interface Pages {
        Page open(String locator);
    }

    private final Pages pages;
    private final String jobId;
    private String locator;
    private boolean lastPage;
    private InputStream page;
    private CsvReader<CsvRecord> reader;
    private Iterator<CsvRecord> records;
    private List<String> header;
    private long pagesRead;
    private boolean closed;

    QueryRows(Pages pages, String jobId) {
        this.pages = pages;
        this.jobId = jobId;
    }

    /** Rows read from CSV pages with a header row each, from any source of pages (a Bulk API 1.0 batch's result files). */
    public static QueryRows of(Pages pages, String jobId) {
        return new QueryRows(pages, jobId);
    }

    public String jobId() {
        return jobId;
    }

    /** The column names (from the first page, which this fetches if needed). */
    public List<String> header() {
        hasNext();
        return header == null ? List.of() : header;
    }

    public long pagesRead() {
        return pagesRead;
    }

    public Stream<Map<String, String>> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    @Override
    public boolean hasNext() {
        while (!closed) {
            if (records != null && records.hasNext()) {
                return true;
            }
            closePage();
            if (lastPage) {
                close();
                return false;
            }
            openPage();
        }
        return false;
    }

    @Override
    public Map<String, String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more query rows");
        }
        CsvRecord record = records.next();
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = i < record.getFieldCount() ? record.getField(i) : "";
            row.put(header.get(i), cell.isEmpty() ? null : cell);
        }
        return row;
    }

    private void openPage() {
        Page opened = pages.open(locator);
        page = opened.body();
        pagesRead++;
        String next = opened.nextLocator();
        // Salesforce writes the word "null" when no page follows.
        lastPage = next == null || next.isEmpty() || next.equals("null");
        locator = lastPage ? null : next;
        reader = CsvReader.builder().ofCsvRecord(page);
        records = reader.iterator();
        if (records.hasNext()) {
            List<String> pageHeader = records.next().getFields();
            if (header == null) {
                header = List.copyOf(pageHeader);
            }
        }
    }

    private void closePage() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // Closing only frees the connection.
            }
        }
        if (page != null) {
            try {
                page.close();
            } catch (IOException ignored) {
                // Closing only frees the connection.
            }
        }
        reader = null;
        records = null;
        page = null;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closePage();
        }
    }
}

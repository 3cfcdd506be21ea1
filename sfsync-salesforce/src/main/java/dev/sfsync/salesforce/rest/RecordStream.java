package dev.sfsync.salesforce.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.salesforce.internal.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of a query, read lazily: one page is open at a time and its JSON is parsed record by record as the caller
 * iterates, so memory holds one record, not a page or a result set. The next page (nextRecordsUrl) is fetched only
 * when the caller reaches it. Records come as maps of field to value (String, Boolean, BigDecimal, Integer or Long,
 * null), with parent relationships as nested maps and the "attributes" entries removed. Not thread-safe; close it.
 */
public final class RecordStream implements Iterator<Map<String, Object>>, AutoCloseable {
    /** Opens one page (the query URL or a nextRecordsUrl); closing the stream releases the page's connection. */
    @FunctionalInterface
    interface PageSource {
        InputStream open(String target);
    }

    private final PageSource pages;
    private String nextPage;
    private InputStream page;
    private JsonParser parser;
    private boolean inRecords;
    private long totalSize = -1;
    private long pagesRead;
    private Map<String, Object> next;
    private boolean closed;

    RecordStream(PageSource pages, String firstPage) {
        this.pages = pages;
        this.nextPage = firstPage;
    }

    /** Salesforce's count of all rows the query matches (read from the first page, which this fetches if needed). */
    public long totalSize() {
        if (totalSize < 0 && !closed) {
            hasNext();
        }
        return totalSize;
    }

    /** Pages fetched so far, each one API request. */
    public long pagesRead() {
        return pagesRead;
    }

    public Stream<Map<String, Object>> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !closed) {
            try {
                next = advance();
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("the connection broke while reading query results", e);
            }
            if (next == null) {
                close();
            }
        }
        return next != null;
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more query rows");
        }
        Map<String, Object> record = next;
        next = null;
        return record;
    }

    private Map<String, Object> advance() throws IOException {
        while (true) {
            if (parser == null) {
                if (nextPage == null) {
                    return null;
                }
                openPage(nextPage);
            }
            if (!inRecords) {
                readUntilRecords();
                continue;
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                return toRecord(parser.readValueAsTree());
            }
            inRecords = false;
        }
    }

    private void openPage(String target) throws IOException {
        nextPage = null;
        page = pages.open(target);
        pagesRead++;
        parser = Json.FACTORY.createParser(page);
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("a query page is a JSON object, but the response began differently");
        }
    }

    /** Reads the page's top-level fields until its records array starts, or the page ends (then it is closed). */
    private void readUntilRecords() throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "totalSize" -> totalSize = totalSize < 0 ? parser.getLongValue() : totalSize;
                case "nextRecordsUrl" -> nextPage = value == JsonToken.VALUE_NULL ? null : parser.getText();
                case "records" -> {
                    if (value == JsonToken.START_ARRAY) {
                        inRecords = true;
                        return;
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IOException("a query page ended before its JSON object closed");
        }
        closePage();
    }

    private void closePage() throws IOException {
        parser.close();
        parser = null;
        page.close();
        page = null;
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Closing only frees the connection.
            }
        }
    }

    static Map<String, Object> toRecord(JsonNode node) {
        Map<String, Object> record = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("attributes")) {
                record.put(e.getKey(), value(e.getValue()));
            }
        });
        return record;
    }

    private static Object value(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return toRecord(node);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isArray()) {
            return Json.MAPPER.convertValue(node, java.util.List.class);
        }
        return node.asText();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException ignored) {
            // Closing only frees the connection.
        }
        closeQuietly(page);
        parser = null;
        page = null;
    }
}

package dev.sfsync.salesforce.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A response whose body is still a stream; close it (or read it all) to free the connection and report the exchange. */
public final class RawResponse implements AutoCloseable {
    private final int status;
    private final Map<String, List<String>> headers;
    private final InputStream body;

    RawResponse(int status, Map<String, List<String>> headers, InputStream body) {
        this.status = status;
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        this.headers = caseInsensitive;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public InputStream body() {
        return body;
    }

    /** Reads a small body whole, for JSON documents and error bodies; large results use {@link #body()}. */
    public byte[] readAll() {
        try (InputStream in = body) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the connection broke while reading a response", e);
        }
    }

    public String readText() {
        return new String(readAll(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // Closing only releases the connection; there is nothing left to report.
        }
    }
}

package dev.sfsync.engine.run;

import dev.sfsync.core.model.RowKey;
import dev.sfsync.salesforce.bulk.CsvValues;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The rows of one Bulk load, kept on disk in the order they were handed to the load: each row's key and record Id (to
 * turn its result into the row's outcome) and its CSV cells (to send it again if it failed with a retryable code).
 * Memory holds only an 8-byte offset a row; a load's row count is bounded, so this does not grow with the model.
 * Reading is fastest in row order (Bulk 1.0 answers in row order, Bulk 2.0 nearly so) but any order works.
 */
final class BulkRows implements AutoCloseable {
    /** One row as the load took it. */
    record Row(RowKey key, String recordId, List<String> cells) {
    }

    private final Path file;
    private final DataOutputStream out;
    private long[] offsets = new long[1024];
    private int rows;
    private long written;
    private FileChannel channel;
    private DataInputStream in;
    private int nextRow = -1;

    BulkRows(Path directory) {
        try {
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, "sfsync-rows-", ".bin");
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a file for Bulk rows in " + directory + "; point the work directory at a writable disk", e);
        }
    }

    /** The record's values as cells in {@code columns} order: a null value clears the field (#N/A), an absent one leaves it (empty). */
    static List<String> cells(List<String> columns, Map<String, Object> record) {
        List<String> cells = new ArrayList<>(columns.size());
        int taken = 0;
        for (String column : columns) {
            Object value = record.get(column);
            if (value != null || record.containsKey(column)) {
                cells.add(CsvValues.text(value));
                taken++;
            } else {
                cells.add("");
            }
        }
        if (taken != record.size()) {
            throw new IllegalStateException("a record sets " + record.keySet() + ", beyond its load's columns " + columns);
        }
        return cells;
    }

    /** @return the row's index in this load */
    int add(Row row) {
        if (rows == offsets.length) {
            offsets = Arrays.copyOf(offsets, rows * 2);
        }
        offsets[rows] = written;
        try {
            int before = out.size();
            out.writeShort(row.key().values().size());
            for (String value : row.key().values()) {
                out.writeUTF(value);
            }
            writeNullable(row.recordId());
            out.writeInt(row.cells().size());
            for (String cell : row.cells()) {
                writeLong(cell);
            }
            written += out.size() - before;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + " (disk full?)", e);
        }
        return rows++;
    }

    int size() {
        return rows;
    }

    /** The row at {@code index}; call after the last {@link #add}. */
    Row get(int index) {
        if (index < 0 || index >= rows) {
            throw new IndexOutOfBoundsException("row " + index + " of a load of " + rows);
        }
        try {
            if (channel == null) {
                out.close();
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
            if (index != nextRow) {
                channel.position(offsets[index]);
                in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
            }
            nextRow = index + 1;
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + file, e);
        }
    }

    private static Row read(DataInputStream in) throws IOException {
        int keys = in.readShort();
        List<String> key = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
            key.add(in.readUTF());
        }
        String recordId = in.readBoolean() ? in.readUTF() : null;
        int count = in.readInt();
        List<String> cells = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cells.add(readLong(in));
        }
        return new Row(new RowKey(key), recordId, cells);
    }

    private void writeNullable(String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    /** writeUTF stops at 64 KB; a long text area does not. */
    private void writeLong(String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLong(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            out.close();
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // The file is deleted next; nothing was lost.
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file left behind is harmless.
            }
        }
    }
}

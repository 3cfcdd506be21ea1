package dev.sfsync.emulator.bulk2;

import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads an upload's rows in chunks, parsing the next chunk on a helper thread while the current one is written, so a
 * job uses the machine's second core. Only one thread touches the CSV reader at a time: a read starts after the
 * previous one was handed out.
 */
final class ChunkReader {
    private final Iterator<CsvRecord> rows;
    private final ExecutorService helper;
    private final int chunkSize;
    private Future<List<List<String>>> next;

    ChunkReader(Iterator<CsvRecord> rows, ExecutorService helper, int chunkSize) {
        this.rows = rows;
        this.helper = helper;
        this.chunkSize = chunkSize;
        this.next = helper.submit(this::read);
    }

    /** The next chunk (empty at the end of the upload); the one after it starts reading at once. */
    List<List<String>> next() throws InterruptedException {
        List<List<String>> chunk = await(next);
        next = chunk.isEmpty() ? next : helper.submit(this::read);
        return chunk;
    }

    /** Every row not handed out yet, for the unprocessed results of a job that stops early. */
    List<List<String>> rest() throws InterruptedException {
        List<List<String>> rest = new ArrayList<>(await(next));
        while (rows.hasNext()) {
            rest.add(rows.next().getFields());
        }
        return rest;
    }

    private List<List<String>> read() {
        List<List<String>> chunk = new ArrayList<>(chunkSize);
        while (chunk.size() < chunkSize && rows.hasNext()) {
            chunk.add(rows.next().getFields());
        }
        return chunk;
    }

    static <T> T await(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            throw new IllegalStateException("reading job data failed", e.getCause());
        }
    }
}

package dev.sfsync.source;

import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.core.model.Row;

import java.util.Iterator;

/**
 * A model's rows, streamed from the source as they are read (memory does not grow with the model's size).
 * Not thread-safe. {@link #next()} throws {@link ModelQueryFailed} if the source fails midway.
 */
public interface ModelReader extends Iterator<Row>, AutoCloseable {
    ModelSchema schema();

    @Override
    void close();
}

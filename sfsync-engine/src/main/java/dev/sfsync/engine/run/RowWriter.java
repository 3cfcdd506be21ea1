package dev.sfsync.engine.run;

import java.util.List;

/**
 * Writes records to Salesforce through one API. Implementations are thread-safe when {@link #concurrent()} says so.
 * A record's failure is data in its {@link WriteResult}; a call that fails as a whole throws the client's
 * {@code SalesforceException}, and the runner fails the batch's rows with its code.
 */
public interface RowWriter {
    /** One result per record, in the batch's record order. */
    List<WriteResult> write(WriteBatch batch);

    /** How many records the runner hands to one {@link #write} call. */
    int chunkSize();

    /** Whether the runner may write several batches at once (the sync's parallelism). */
    boolean concurrent();
}

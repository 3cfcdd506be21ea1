package dev.sfsync.source;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.RowKey;

import java.util.List;

/** Several rows of the model share a primary key, so sfsync can't tell which one to send. Nothing was sent. */
public final class ModelHasDuplicateKeys extends SfsyncException {
    /** One key that occurs more than once, and how often. */
    public record DuplicateKey(RowKey key, long occurrences) {
        @Override
        public String toString() {
            return key + " (" + occurrences + " rows)";
        }
    }

    private final long keys;
    private final long rows;
    private final List<DuplicateKey> samples;

    public ModelHasDuplicateKeys(Model model, long keys, long rows, List<DuplicateKey> samples) {
        super("Model '" + model.name() + "' has " + keys + " primary key value(s) " + model.keyColumns() + " shared by more than one row ("
                        + rows + " rows in all); for example: " + samples.stream().map(DuplicateKey::toString).toList(),
                "make the key unique (deduplicate in the query, e.g. with GROUP BY or QUALIFY row_number() ..., or use"
                        + " a key of more columns); nothing was sent");
        this.keys = keys;
        this.rows = rows;
        this.samples = List.copyOf(samples);
    }

    /** How many distinct key values occur more than once. */
    public long keys() {
        return keys;
    }

    /** How many rows carry those keys. */
    public long rows() {
        return rows;
    }

    /** The most repeated keys, most first. */
    public List<DuplicateKey> samples() {
        return samples;
    }
}

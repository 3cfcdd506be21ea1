package dev.sfsync.source;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.core.model.Model;

import java.util.List;

/** Some rows of the model have a null primary key, so they can't be matched to a record. Nothing was sent. */
public final class ModelHasNullKeys extends SfsyncException {
    private final long rows;
    private final List<String> samples;

    public ModelHasNullKeys(Model model, long rows, List<String> samples) {
        super("Model '" + model.name() + "' has " + rows + " row(s) with a null primary key " + model.keyColumns()
                        + "; for example: " + String.join("; ", samples),
                "filter them out (WHERE " + String.join(" IS NOT NULL AND ", model.keyColumns()) + " IS NOT NULL) or give"
                        + " every row a key; nothing was sent");
        this.rows = rows;
        this.samples = List.copyOf(samples);
    }

    public long rows() {
        return rows;
    }

    /** A few of the offending rows, each as {@code column=value, ...}. */
    public List<String> samples() {
        return samples;
    }
}

package dev.sfsync.source;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.core.model.Model;

import java.util.List;

/** The model's query does not return a column named as its primary key. */
public final class ModelMissingKeyColumn extends SfsyncException {
    public ModelMissingKeyColumn(Model model, List<String> missing, List<String> columns) {
        super("Model '" + model.name() + "' has primary key " + model.keyColumns() + ", but its query returns no column "
                        + String.join(", ", missing.stream().map(c -> "'" + c + "'").toList()) + "; it returns " + columns,
                "select the key column(s) in the query, or set the model's primary key to one of " + columns);
    }
}

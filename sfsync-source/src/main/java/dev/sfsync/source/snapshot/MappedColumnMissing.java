package dev.sfsync.source.snapshot;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.core.model.Model;

import java.util.List;

/** A mapping names a column the model's query does not return. */
public final class MappedColumnMissing extends SfsyncException {
    public MappedColumnMissing(Model model, String target, String column, List<String> columns) {
        super("The mapping to '" + target + "' reads column '" + column + "', which model '" + model.name() + "' does not return;"
                + " it returns " + columns, "map one of the model's columns, or add '" + column + "' to the model's query");
    }
}

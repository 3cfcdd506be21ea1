package dev.sfsync.source;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.core.model.Model;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The source refused or failed the model's query; the message carries the source's own words. */
public final class ModelQueryFailed extends SfsyncException {
    private static final Pattern MISSING_FILE = Pattern.compile("No files found that match the pattern (\"[^\"]*\")");
    private final String sourceMessage;

    public ModelQueryFailed(String sourceName, Model model, SQLException cause) {
        super("Model '" + model.name() + "' failed on source '" + sourceName + "': " + sourceMessage(cause), fix(sourceMessage(cause)), cause);
        this.sourceMessage = sourceMessage(cause);
    }

    /** The source's message, as its driver gave it. */
    public String sourceMessage() {
        return sourceMessage;
    }

    /** A file the query reads is missing (DuckDB's read_csv, read_parquet …): the SQL may be right and the file gone. */
    static String fix(String sourceMessage) {
        Matcher missing = MISSING_FILE.matcher(sourceMessage);
        if (missing.find()) {
            return "restore " + missing.group(1) + ", or correct its path in the model's SQL (a relative path starts at the project "
                    + "directory), then run again";
        }
        return "correct the model's SQL (run it in the source's own SQL client to try it), then run again";
    }

    /** DuckDB prefixes errors of prepared queries with a line about its internals that says nothing to a user. */
    static String sourceMessage(SQLException e) {
        String message = String.valueOf(e.getMessage()).strip();
        int internal = message.indexOf("pending query result");
        if (internal >= 0 && message.indexOf("\nError: ", internal) >= 0) {
            message = message.substring(message.indexOf("\nError: ", internal) + "\nError: ".length());
        }
        return message;
    }
}

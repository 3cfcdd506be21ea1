package dev.sfsync.core;

import java.util.regex.Pattern;

/** Checks shared by the id records: ids end up in file names, table names and URLs, so they are kept plain. */
final class Ids {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private Ids() {
    }

    static String check(String kind, String value) {
        if (value == null || !PLAIN.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " '" + value + "' is not valid: use 1 to 128 letters, digits, '_', '.'"
                    + " or '-', starting with a letter or digit");
        }
        return value;
    }
}

package dev.sfsync.source;

import dev.sfsync.core.SfsyncException;

/** The source could not be reached or opened. */
public final class UnableToOpenSource extends SfsyncException {
    public UnableToOpenSource(String sourceName, String url, String reason, String fix, Throwable cause) {
        super("Can't open source '" + sourceName + "' (" + url + "): " + reason, fix, cause);
    }
}

package dev.sfsync.source.drivers;

import dev.sfsync.core.SfsyncException;

/** A driver could not be downloaded, failed its checksum, or does not hold the driver class; nothing was installed. */
public final class UnableToAddDriver extends SfsyncException {
    public UnableToAddDriver(String problem, String fix, Throwable cause) {
        super(problem, fix, cause);
    }
}

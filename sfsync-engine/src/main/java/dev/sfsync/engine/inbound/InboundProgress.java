package dev.sfsync.engine.inbound;

/** Told as records are staged, e.g. to draw progress; an exception thrown here aborts the run before anything commits. */
@FunctionalInterface
public interface InboundProgress {
    InboundProgress NONE = rows -> { };

    void staged(long rows);
}

package dev.sfsync.server.run;

/** Hears every run the server starts end: metrics, alerts and quota backoff. Must not throw. */
@FunctionalInterface
public interface RunListener {
    void ended(RunEnded run);
}

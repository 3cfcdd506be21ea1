package dev.sfsync.salesforce.retry;

import java.time.Duration;

/** Waits between attempts and polls; injected so tests can record the waits instead of sleeping through them. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}

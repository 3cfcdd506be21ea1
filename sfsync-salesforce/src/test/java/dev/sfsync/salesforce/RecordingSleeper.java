package dev.sfsync.salesforce;

import dev.sfsync.salesforce.retry.Sleeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the waits a client asks for and returns at once, so backoff is asserted exactly and tests never sleep. */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> waits = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
    }

    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}

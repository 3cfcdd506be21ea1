package dev.sfsync.emulator.faults;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The latest injected faults, oldest first; beyond its capacity it forgets the oldest, so memory stays bounded. */
final class FaultLog {
    /** What the log holds now, and how many older events it has forgotten. */
    record Snapshot(List<FaultEvent> events, long forgotten) {
    }

    private final int capacity;
    private final Deque<FaultEvent> events = new ArrayDeque<>();
    private long forgotten;

    FaultLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(FaultEvent event) {
        if (events.size() == capacity) {
            events.removeFirst();
            forgotten++;
        }
        events.addLast(event);
    }

    synchronized void clear() {
        events.clear();
        forgotten = 0;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(List.copyOf(events), forgotten);
    }
}

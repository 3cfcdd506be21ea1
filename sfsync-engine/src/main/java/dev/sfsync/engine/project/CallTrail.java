package dev.sfsync.engine.project;

import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.run.CallLinks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which API call decided each failed row of a run, so that the row can be shown with the exact request and Salesforce's
 * answer. Calls are made on the runner's threads (and the Bulk loads') and outcomes settle on the run's thread: the log
 * numbers each call on the thread that made it ({@link #called}), the writers name the call whose answer decided a row
 * right after reading it ({@link #decided}), and settling takes the rows' calls back ({@link #byCall}). Only failed
 * rows are kept, and only until they settle.
 */
final class CallTrail implements CallLinks {
    private final ThreadLocal<Long> lastCall = new ThreadLocal<>();
    private final Map<RowKey, Long> carriers = new ConcurrentHashMap<>();

    void called(long seq) {
        lastCall.set(seq);
    }

    @Override
    public Long lastCall() {
        return lastCall.get();
    }

    @Override
    public void decided(RowKey key, long call) {
        carriers.put(key, call);
    }

    /** The outcomes grouped by the call that carried them (the null key for those with no known call), in their order. */
    Map<Long, List<RowOutcome>> byCall(List<RowOutcome> outcomes) {
        Map<Long, List<RowOutcome>> groups = new LinkedHashMap<>();
        for (RowOutcome outcome : outcomes) {
            Long seq = outcome instanceof RowOutcome.Failed ? carriers.remove(outcome.key()) : null;
            groups.computeIfAbsent(seq, s -> new ArrayList<>()).add(outcome);
        }
        return groups;
    }
}

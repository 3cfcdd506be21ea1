package dev.sfsync.engine.project;

import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.RowOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which API call carried each failed row of a run, so that the row can be shown with the exact request and Salesforce's
 * answer. Calls are made on the runner's threads and outcomes settle on the run's thread: the log numbers each call on
 * the thread that made it ({@link #called}), the runner hands a chunk's outcomes over on that same thread right after
 * its calls ({@link #sent}), and settling takes the rows' calls back ({@link #byCall}). Only failed rows are kept, and
 * only until they settle. When a chunk took several calls (a retry, a split), its rows point at the last one.
 */
final class CallTrail {
    private final ThreadLocal<Long> lastCall = new ThreadLocal<>();
    private final Map<RowKey, Long> carriers = new ConcurrentHashMap<>();

    void called(long seq) {
        lastCall.set(seq);
    }

    void sent(List<RowOutcome> outcomes) {
        Long seq = lastCall.get();
        if (seq == null) {
            return;
        }
        for (RowOutcome outcome : outcomes) {
            if (outcome instanceof RowOutcome.Failed failed && failed.attempt() > 0) {
                carriers.put(outcome.key(), seq);
            }
        }
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

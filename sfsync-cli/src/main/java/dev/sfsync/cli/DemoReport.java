package dev.sfsync.cli;

import dev.sfsync.core.outcome.OutcomeStatus;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.run.Errors;
import dev.sfsync.salesforce.error.ErrorExplanation;
import dev.sfsync.store.Run;
import dev.sfsync.store.StateStore;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Explains one demo run from what the state store kept of it, as 'sfsync runs show' would find it. */
final class DemoReport {
    /** Enough to find one example of every error code the demo's wrong rows produce. */
    private static final int EXAMPLES_READ = 500;

    private DemoReport() {
    }

    /** @return the API calls the run made */
    static long print(StateStore store, Run run, PrintWriter out) {
        var s = run.summary();
        long calls = store.apiLog().count(run.id());
        out.printf("  %s: %,d created, %,d updated, %,d rejected before sending, %,d failed at Salesforce; %s (run %s)%n",
                run.sync(), s.created(), s.updated(), s.rejected(), s.failed(),
                calls == 0 ? "sent nothing: 0 API calls" : String.format("%,d API calls", calls), run.id());
        Map<String, Long> counts = store.outcomes().errorCounts(run.id());
        Map<String, RowOutcome> examples = new LinkedHashMap<>();
        List<RowOutcome> failed = store.outcomes().list(run.id(), Set.of(OutcomeStatus.FAILED, OutcomeStatus.REJECTED), EXAMPLES_READ, 0);
        failed.forEach(o -> examples.putIfAbsent(o.error().code(), o));
        counts.forEach((code, count) -> {
            RowOutcome example = examples.get(code);
            boolean rejected = example != null && example.status() == OutcomeStatus.REJECTED;
            ErrorExplanation explanation = Errors.explain(code);
            out.printf("    %s: %,d row(s) %s%n", code, count, rejected
                    ? "rejected by sfsync's checks (against the describe and the model), before sending (no API call spent on them)"
                    : "failed at Salesforce");
            if (example != null) {
                String message = example.error().message();
                out.printf("      e.g. row %s: %s%n", example.key(), message.length() > 140 ? message.substring(0, 140) + "…" : message);
            }
            out.printf("      why: %s%n      fix: %s%n", explanation.explanation(), explanation.fix());
        });
        return calls;
    }
}

package dev.sfsync.server.web;

import dev.sfsync.store.CallBodies;

import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For a failed Bulk row, whose deciding call is the read of its job's (Bulk 2.0) or batch's (Bulk 1.0) results: the
 * call that uploaded the row, found among the run's calls by the job's and batch's ids.
 */
final class BulkUpload {
    private static final Pattern BULK2_RESULTS = Pattern.compile("/jobs/ingest/([^/?]+)/(?:failedResults|unprocessedrecords)");
    private static final Pattern BULK1_RESULT = Pattern.compile("/job/([^/?]+)/batch/([^/?]+)/result$");

    private BulkUpload() {
    }

    static Optional<CallRow> of(CallRow resultRead, List<CallRow> calls, LongFunction<CallBodies> bodies) {
        Matcher bulk2 = BULK2_RESULTS.matcher(resultRead.path());
        if (bulk2.find()) {
            String batches = "/jobs/ingest/" + bulk2.group(1) + "/batches";
            return calls.stream().filter(c -> c.method().equals("PUT") && c.path().contains(batches)).findFirst();
        }
        Matcher bulk1 = BULK1_RESULT.matcher(resultRead.path());
        if (bulk1.find()) {
            String batch = "/job/" + bulk1.group(1) + "/batch";
            // Bulk 1.0 names the batch only in the upload's answer (its batchInfo).
            String id = "<id>" + bulk1.group(2) + "</id>";
            return calls.stream().filter(c -> c.method().equals("POST") && c.path().endsWith(batch))
                    .filter(c -> {
                        String answer = bodies.apply(c.seq()).response();
                        return answer != null && answer.contains(id);
                    }).findFirst();
        }
        return Optional.empty();
    }
}

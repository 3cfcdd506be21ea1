package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.org.SalesforceIds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET of all ingest or query jobs: the documented filters (jobType, concurrencyMode, isPkChunkingEnabled) and pages of
 * 1,000 jobs linked by a queryLocator in nextRecordsUrl.
 */
final class JobList {
    static final int PAGE_SIZE = 1_000;
    private static final String LOCATOR_ID = SalesforceIds.to18("01g8d000000Bk2L");
    private static final Pattern LOCATOR = Pattern.compile("01g[0-9A-Za-z]{15}-(\\d{1,9})");

    /** The job types a list may filter on; only {@code own} is ever listed, as the emulator runs Bulk API 2.0 jobs only. */
    private final List<String> jobTypes;
    private final String ownJobType;

    JobList(List<String> jobTypes, String ownJobType) {
        this.jobTypes = List.copyOf(jobTypes);
        this.ownJobType = ownJobType;
    }

    Map<String, Object> page(Exchange ex, List<Map<String, Object>> jobs, String listPath) {
        String jobType = ex.queryParam("jobType").orElse(null);
        if (jobType != null && !jobTypes.contains(jobType)) {
            throw invalid("jobType", jobType, String.join(", ", jobTypes));
        }
        String concurrency = ex.queryParam("concurrencyMode").map(v -> v.toLowerCase(Locale.ROOT)).orElse(null);
        if (concurrency != null && !concurrency.equals("parallel") && !concurrency.equals("serial")) {
            throw invalid("concurrencyMode", concurrency, "parallel, serial");
        }
        String pkChunking = ex.queryParam("isPkChunkingEnabled").orElse(null);
        if (pkChunking != null && !pkChunking.equals("true") && !pkChunking.equals("false")) {
            throw invalid("isPkChunkingEnabled", pkChunking, "true, false");
        }
        boolean none = (jobType != null && !jobType.equals(ownJobType)) || "serial".equals(concurrency) || "true".equals(pkChunking);
        List<Map<String, Object>> matching = none ? List.of() : jobs;
        int from = ex.queryParam("queryLocator").map(JobList::offset).orElse(0);
        int to = Math.min(matching.size(), from + PAGE_SIZE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("done", to >= matching.size());
        body.put("records", matching.subList(Math.min(from, to), to));
        body.put("nextRecordsUrl", to >= matching.size() ? null : listPath + "?queryLocator=" + LOCATOR_ID + "-" + to);
        return body;
    }

    private static int offset(String locator) {
        Matcher matcher = LOCATOR.matcher(locator);
        if (!matcher.matches()) {
            throw Bulk2Errors.invalidLocator(locator);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static ApiException invalid(String parameter, String value, String allowed) {
        return new ApiException(400, "API_ERROR", "Invalid value: '" + value + "' supplied for parameter: '" + parameter + "' (one of " + allowed + ")");
    }
}

package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;
import dev.sfsync.emulator.rest.ApiContext;
import dev.sfsync.emulator.rest.RestAuth;
import dev.sfsync.emulator.soql.SoqlError;
import dev.sfsync.emulator.soql.SoqlPlan;
import dev.sfsync.emulator.soql.SoqlPlanner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Bulk API 2.0 query jobs under /services/data/vXX.X/jobs/query: create from SOQL, get info, list, abort, delete, and
 * the CSV results in sets of up to maxRecords, linked by the Sforce-Locator header, and the URLs of those sets for
 * parallel download (resultPages).
 */
final class QueryEndpoints {
    static final int DEFAULT_MAX_RECORDS = 100_000;
    private static final int PAGES_PER_RESPONSE = 5;
    private static final String V = "/services/data/v([^/]+)/jobs/query";
    private static final Set<String> CREATE_PROPERTIES = Set.of("operation", "query", "contentType", "columnDelimiter", "lineEnding");
    private static final JobList LIST = new JobList(List.of("Classic", "V2Query", "V2Ingest"), "V2Query");

    private final OrgHost host;
    private final Bulk2Jobs jobs;

    QueryEndpoints(OrgHost host) {
        this.host = host;
        this.jobs = host.bulk2();
    }

    void register(Router router) {
        router.on("POST", V + "/?", this::create);
        router.on("GET", V + "/?", this::list);
        router.on("GET", V + "/([^/]+)/?", (ex, m) -> ex.json(200, JobViews.queryInfo(job(ex, m))));
        router.on("PATCH", V + "/([^/]+)/?", this::abort);
        router.on("DELETE", V + "/([^/]+)/?", this::delete);
        router.on("GET", V + "/([^/]+)/results/?", this::results);
        router.on("GET", V + "/([^/]+)/(?i)resultPages/?", this::resultPages);
    }

    private void create(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        JobRequestBody body = JobRequestBody.read(ex, CREATE_PROPERTIES);
        QueryOperation operation = body.required("operation", QueryOperation.class);
        String soql = body.text("query");
        if (soql == null) {
            throw new ApiException(400, "API_ERROR", "Invalid value: '' supplied for property: 'query'; give the SOQL to run, e.g. SELECT Id FROM Account");
        }
        body.optional("contentType", ContentType.class, ContentType.CSV);
        ColumnDelimiter delimiter = body.optional("columnDelimiter", ColumnDelimiter.class, ColumnDelimiter.COMMA);
        LineEnding lineEnding = body.optional("lineEnding", LineEnding.class, LineEnding.LF);
        SoqlPlan plan;
        try {
            plan = SoqlPlanner.plan(soql, api.org(), api.user());
        } catch (SoqlError e) {
            throw new ApiException(400, e.errorCode(), e.getMessage());
        }
        if (plan.shape() != SoqlPlan.Shape.RECORDS) {
            throw new ApiException(400, "API_ERROR", "FeatureNotEnabled : Aggregate queries are not supported by Bulk API 2.0 query jobs; "
                    + "select fields (e.g. SELECT Id FROM " + plan.object().name() + ") and count the rows, or use the REST query resource");
        }
        if (plan.hasSubqueries()) {
            throw new ApiException(400, "API_ERROR", "FeatureNotEnabled : Child relationship subqueries are not supported by Bulk API 2.0 "
                    + "query jobs; query the child object with its parent's fields instead");
        }
        if (plan.hasTypeOf()) {
            // The emulator writes flat CSV columns; a TYPEOF's columns depend on each row's type.
            throw new ApiException(400, "API_ERROR", "FeatureNotEnabled : the sfsync emulator's Bulk API 2.0 query jobs do not run TYPEOF; "
                    + "select the polymorphic field's Id (e.g. WhatId) or use the REST query resource");
        }
        if (plan.offset() > 0) {
            throw new ApiException(400, "API_ERROR", "FeatureNotEnabled : OFFSET is not supported by Bulk API 2.0 query jobs; "
                    + "remove it and page through the results with the locator");
        }
        if (!api.org().limits().bulkV2QueryJobs().tryAcquire(1)) {
            throw Bulk2Errors.queryJobsSpent(api.org().limits().bulkV2QueryJobs().max());
        }
        String id = jobs.nextId();
        QueryJob job = new QueryJob(id, new QueryJob.Spec(plan, operation == QueryOperation.queryAll, delimiter, lineEnding, api.user(),
                api.org().clock().instant(), api.version()), jobs.filesFor(id));
        jobs.add(job);
        Object created = JobViews.queryCreated(job);
        jobs.process(job);
        ex.json(200, created);
    }

    private void list(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ex.json(200, LIST.page(ex, jobs.queryJobs().stream().map(JobViews::queryListed).toList(), api.dataPath() + "/jobs/query"));
    }

    private void abort(Exchange ex, Matcher m) {
        QueryJob job = job(ex, m);
        String target = JobRequestBody.read(ex, JobViews.ECHOED_PROPERTIES).text("state");
        if (!"Aborted".equals(target)) {
            throw Bulk2Errors.invalidState("Invalid state '" + target + "' for a query job; the only state a client can set is Aborted");
        }
        Set<JobState> abortable = Set.of(JobState.UploadComplete, JobState.InProgress);
        JobState before = job.transition(abortable, JobState.Aborted, host.org().clock().instant());
        if (!abortable.contains(before)) {
            throw Bulk2Errors.invalidState("Aborting already " + IngestEndpoints.describe(before) + " Job not allowed");
        }
        ex.json(200, JobViews.queryChanged(job));
    }

    private void delete(Exchange ex, Matcher m) {
        QueryJob job = job(ex, m);
        if (!job.state().terminal()) {
            throw Bulk2Errors.notTerminated();
        }
        jobs.remove(job);
        ex.noContent();
    }

    private void results(Exchange ex, Matcher m) throws IOException {
        QueryJob job = job(ex, m);
        QueryResultFile results = completedResults(job, m.group(1));
        long from = ex.queryParam("locator").map(QueryEndpoints::offset).orElse(0L);
        long max = ex.queryParam("maxRecords").map(QueryEndpoints::maxRecords).orElse((long) DEFAULT_MAX_RECORDS);
        if (from > results.records()) {
            throw Bulk2Errors.invalidLocator(ex.queryParam("locator").orElse(""));
        }
        long count = Math.min(max, results.records() - from);
        long next = from + count;
        ex.setHeader("Sforce-Locator", next < results.records() ? locator(next) : "null");
        ex.setHeader("Sforce-NumberOfRecords", Long.toString(count));
        try (OutputStream out = ex.stream(200, "text/csv")) {
            results.copy(from, count, out);
        }
    }

    /**
     * Up to five result-set URLs at a time, for clients that download sets in parallel (API 58.0 and later); each set
     * holds the default number of records, so a URL used without maxRecords returns exactly its set.
     */
    private void resultPages(Exchange ex, Matcher m) {
        QueryJob job = job(ex, m);
        QueryResultFile results = completedResults(job, m.group(1));
        long from = ex.queryParam("locator").map(QueryEndpoints::offset).orElse(0L);
        String path = "/services/data/v" + m.group(1) + "/jobs/query/" + job.id();
        List<Map<String, String>> pages = new ArrayList<>();
        long offset = from;
        for (; offset < results.records() && pages.size() < PAGES_PER_RESPONSE; offset += DEFAULT_MAX_RECORDS) {
            pages.add(Map.of("resultUrl", path + "/results?locator=" + locator(offset)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resultPages", pages);
        body.put("nextRecordsUrl", offset < results.records() ? path + "/resultpages?locator=" + locator(offset) : null);
        body.put("done", offset >= results.records());
        ex.json(200, body);
    }

    private QueryJob job(Exchange ex, Matcher m) {
        RestAuth.authenticate(host, ex, m.group(1));
        return jobs.queryJob(m.group(2)).orElseThrow(ApiException::notFound);
    }

    /** The results of a finished job, asked for with the API version that created it, as Salesforce requires. */
    private static QueryResultFile completedResults(QueryJob job, String version) {
        if (!version.equals(job.spec().apiVersion())) {
            throw new ApiException(409, "API_ERROR", "Get the results of job " + job.id() + " with the API version that created it (v"
                    + job.spec().apiVersion() + "), not v" + version);
        }
        QueryResultFile results = job.results();
        if (job.state() != JobState.JobComplete || results == null) {
            throw Bulk2Errors.invalidState("Job " + job.id() + " is " + job.state() + "; its results are ready once it is JobComplete "
                    + "(poll GET /jobs/query/" + job.id() + ")");
        }
        return results;
    }

    /** An opaque-looking locator, as Salesforce's are (MTAwMDA is where record 10,000 starts). */
    static String locator(long offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static long offset(String locator) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(locator), StandardCharsets.US_ASCII);
            if (decoded.isEmpty() || decoded.length() > 12 || !decoded.chars().allMatch(Character::isDigit)) {
                throw Bulk2Errors.invalidLocator(locator);
            }
            return Long.parseLong(decoded);
        } catch (IllegalArgumentException e) {
            throw Bulk2Errors.invalidLocator(locator);
        }
    }

    private static long maxRecords(String value) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(400, "API_ERROR", "Invalid value: '" + value + "' supplied for parameter: 'maxRecords'; give a positive "
                + "number of records per result set, e.g. maxRecords=50000");
    }
}

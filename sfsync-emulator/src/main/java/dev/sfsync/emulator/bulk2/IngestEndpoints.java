package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectPermission;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Permission;
import dev.sfsync.emulator.rest.ApiContext;
import dev.sfsync.emulator.rest.RestAuth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Bulk API 2.0 ingest jobs under /services/data/vXX.X/jobs/ingest: create, upload CSV, close or abort, get info, list,
 * delete, and the successful, failed and unprocessed record results.
 */
final class IngestEndpoints {
    private static final String V = "/services/data/v([^/]+)/jobs/ingest";
    private static final Set<String> CREATE_PROPERTIES = Set.of("object", "operation", "externalIdFieldName", "contentType",
            "columnDelimiter", "lineEnding", "assignmentRuleId");
    /** How long results wait for an aborted job's run to reach its next chunk and write what it left unprocessed. */
    private static final long RESULTS_WAIT_MILLIS = 30_000;
    private static final JobList LIST = new JobList(List.of("BigObjectIngest", "Classic", "V2Ingest"), "V2Ingest");

    private final OrgHost host;
    private final Bulk2Jobs jobs;

    IngestEndpoints(OrgHost host) {
        this.host = host;
        this.jobs = host.bulk2();
    }

    void register(Router router) {
        router.on("POST", V + "/?", this::create);
        router.on("GET", V + "/?", this::list);
        router.on("PUT", V + "/([^/]+)/batches/?", this::upload);
        router.on("GET", V + "/([^/]+)/?", (ex, m) -> ex.json(200, JobViews.ingestInfo(job(ex, m))));
        router.on("PATCH", V + "/([^/]+)/?", this::changeState);
        router.on("DELETE", V + "/([^/]+)/?", this::delete);
        router.on("GET", V + "/([^/]+)/(?i)(successfulResults|failedResults|unprocessedrecords)/?", this::results);
    }

    private void create(Exchange ex, Matcher m) throws IOException {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        MultipartJobRequest multipart = MultipartJobRequest.isMultipart(ex.header("Content-Type"))
                ? MultipartJobRequest.read(ex.header("Content-Type"), ex.bodyStream()) : null;
        JobRequestBody body = multipart == null ? JobRequestBody.read(ex, CREATE_PROPERTIES) : JobRequestBody.read(multipart.job(), CREATE_PROPERTIES);
        IngestOperation operation = body.required("operation", IngestOperation.class);
        String objectName = body.text("object");
        ObjectSchema schema = api.org().schema(objectName == null ? "" : objectName)
                .filter(s -> api.profile().can(s.name(), ObjectPermission.READ))
                .orElseThrow(() -> Bulk2Errors.unknownObject(objectName));
        body.optional("contentType", ContentType.class, ContentType.CSV);
        ColumnDelimiter delimiter = body.optional("columnDelimiter", ColumnDelimiter.class, ColumnDelimiter.COMMA);
        LineEnding lineEnding = body.optional("lineEnding", LineEnding.class, LineEnding.LF);
        String externalId = externalIdField(api, schema, operation, body.text("externalIdFieldName"));
        if (operation == IngestOperation.hardDelete && !api.profile().has(Permission.BulkApiHardDelete)) {
            throw Bulk2Errors.hardDeleteNotPermitted();
        }
        String id = jobs.nextId();
        IngestJob job = new IngestJob(id, new IngestJob.Spec(schema.name(), operation, externalId, delimiter, lineEnding, api.user(),
                api.org().clock().instant(), api.version()), jobs.filesFor(id));
        jobs.add(job);
        if (multipart == null) {
            ex.json(200, JobViews.ingestCreated(job));
            return;
        }
        UploadedData upload = spool(job, new ByteArrayInputStream(multipart.content()));
        job.addUploadWhileOpen(upload);
        job.transition(Set.of(JobState.Open), JobState.UploadComplete, api.org().clock().instant());
        Object created = JobViews.ingestCreatedWithData(job);
        jobs.process(job);
        ex.json(200, created);
    }

    private UploadedData spool(IngestJob job, InputStream data) throws IOException {
        IngestJob.Spec spec = job.spec();
        long limit = host.org().limits().bulkV2MaxUploadBytes();
        try {
            return UploadSpool.spool(data, job.files().newFile("upload"), spec.delimiter(), spec.lineEnding(), limit, job.uploadedBytes());
        } catch (UploadSpool.UploadTooLarge e) {
            throw Bulk2Errors.uploadTooLarge(limit);
        }
    }

    private static String externalIdField(ApiContext api, ObjectSchema schema, IngestOperation operation, String name) {
        if (operation != IngestOperation.upsert) {
            if (name != null) {
                throw Bulk2Errors.externalIdWithoutUpsert(operation.name());
            }
            return null;
        }
        if (name == null) {
            throw Bulk2Errors.missingExternalId(schema.name());
        }
        FieldSchema field = schema.field(name)
                .filter(f -> f.externalId() || f.name().equals("Id"))
                .filter(f -> api.profile().fieldAccess(schema.name(), f.name()).canRead())
                .orElseThrow(() -> Bulk2Errors.notAnExternalId(name, schema.name()));
        return field.name();
    }

    private void list(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ex.json(200, LIST.page(ex, jobs.ingestJobs().stream().map(JobViews::ingestListed).toList(), api.dataPath() + "/jobs/ingest"));
    }

    private void upload(Exchange ex, Matcher m) throws IOException {
        IngestJob job = job(ex, m);
        String contentType = ex.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            throw Bulk2Errors.notCsv(contentType);
        }
        requireOpen(job, "upload data to");
        UploadedData upload = spool(job, ex.bodyStream());
        if (!job.addUploadWhileOpen(upload)) {
            JobFiles.delete(upload.file());
            requireOpen(job, "upload data to");
        }
        ex.send(201, null, new byte[0]);
    }

    private void changeState(Exchange ex, Matcher m) {
        IngestJob job = job(ex, m);
        String target = JobRequestBody.read(ex, JobViews.ECHOED_PROPERTIES).text("state");
        if ("UploadComplete".equals(target)) {
            if (job.uploads().size() > 1) {
                throw Bulk2Errors.multipleUploads(job.id().substring(0, 15));
            }
            JobState before = job.transition(Set.of(JobState.Open), JobState.UploadComplete, host.org().clock().instant());
            if (before != JobState.Open) {
                throw Bulk2Errors.invalidState("Closing already " + describe(before) + " Job not allowed; only an Open job can be set to UploadComplete");
            }
            // The answer is the state the client set, whatever the worker makes of the job meanwhile.
            Map<String, Object> closed = JobViews.ingestChanged(job);
            closed.put("state", JobState.UploadComplete.name());
            jobs.process(job);
            ex.json(200, closed);
            return;
        } else if ("Aborted".equals(target)) {
            Set<JobState> abortable = Set.of(JobState.Open, JobState.UploadComplete, JobState.InProgress);
            JobState before = job.transition(abortable, JobState.Aborted, host.org().clock().instant());
            if (!abortable.contains(before)) {
                throw Bulk2Errors.invalidState("Aborting already " + describe(before) + " Job not allowed");
            }
        } else {
            throw Bulk2Errors.invalidState("Invalid state '" + target + "' for an ingest job; set state to UploadComplete "
                    + "(to start processing) or Aborted");
        }
        ex.json(200, JobViews.ingestChanged(job));
    }

    private void delete(Exchange ex, Matcher m) {
        IngestJob job = job(ex, m);
        JobState state = job.state();
        if (state == JobState.Open || state == JobState.InProgress) {
            throw Bulk2Errors.notTerminated();
        }
        jobs.remove(job);
        ex.noContent();
    }

    private void results(Exchange ex, Matcher m) throws IOException, InterruptedException {
        IngestJob job = job(ex, m);
        JobState state = job.state();
        if (!state.terminal() || !job.awaitRunEnd(RESULTS_WAIT_MILLIS)) {
            throw Bulk2Errors.invalidState("Job " + job.id() + " is " + state + "; its results are ready once it is "
                    + "JobComplete, Failed or Aborted (poll GET /jobs/ingest/" + job.id() + ")");
        }
        IngestJob.ResultKind kind = switch (m.group(3).toLowerCase(Locale.ROOT)) {
            case "successfulresults" -> IngestJob.ResultKind.SUCCESSFUL;
            case "failedresults" -> IngestJob.ResultKind.FAILED;
            default -> IngestJob.ResultKind.UNPROCESSED;
        };
        Path file = job.result(kind);
        List<Path> parts = file != null ? List.of(file)
                : kind == IngestJob.ResultKind.UNPROCESSED ? job.uploads().stream().map(UploadedData::file).toList() : List.of();
        try (OutputStream out = ex.stream(200, "text/csv")) {
            for (Path part : parts) {
                Files.copy(part, out);
            }
        }
    }

    private IngestJob job(Exchange ex, Matcher m) {
        RestAuth.authenticate(host, ex, m.group(1));
        return jobs.ingestJob(m.group(2)).orElseThrow(ApiException::notFound);
    }

    private static void requireOpen(IngestJob job, String action) {
        JobState state = job.state();
        if (state != JobState.Open) {
            throw Bulk2Errors.invalidState("Cannot " + action + " job " + job.id() + " in state " + state
                    + "; upload data only while the job is Open, or create a new job");
        }
    }

    /** Salesforce says "Completed" for JobComplete in its state errors. */
    static String describe(JobState state) {
        return state == JobState.JobComplete ? "Completed" : state.name();
    }
}

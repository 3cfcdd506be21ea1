package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectPermission;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Permission;
import dev.sfsync.emulator.org.Profile;

import java.util.Locale;
import java.util.regex.Matcher;

/** Create a job, get its jobInfo, and close or abort it (POST of a jobInfo with a state). */
final class JobEndpoints {
    void create(Bulk1Call call, Matcher path) {
        Exchange ex = call.exchange();
        JobRequest request = JobRequest.read(ex.body(), call.format());
        JobSpec spec = spec(call, request);
        Job job = call.jobs().create(spec, call.caller().user(), call.caller().version());
        // The job's format is unknown to the client until now, so the answer follows the request's Content-Type.
        Responses.info(ex, 201, call.format(), job.info());
    }

    void get(Bulk1Call call, Matcher path) {
        Job job = call.job(path.group(2));
        Responses.info(call.exchange(), 200, call.format(), job.info());
    }

    void update(Bulk1Call call, Matcher path) {
        Job job = call.job(path.group(2));
        Exchange ex = call.exchange();
        String state = JobRequest.read(ex.body(), WireFormat.ofRequest(ex.header("Content-Type"))).field("state");
        if (state == null) {
            throw AsyncApiException.unparsableJob("state is required to change a job, e.g. <state>Closed</state> or <state>Aborted</state>");
        }
        switch (state) {
            case "Closed" -> job.close(call.jobs().org().clock().instant());
            case "Aborted" -> job.abort(call.jobs().org().clock().instant());
            default -> throw new AsyncApiException(ExceptionCode.InvalidJobState, "Invalid job state: " + state
                    + "; a job can only be set to Closed or Aborted");
        }
        Responses.info(ex, 200, call.format(), job.info());
    }

    private static JobSpec spec(Bulk1Call call, JobRequest request) {
        Profile profile = call.caller().user().profile();
        String operationText = request.field("operation");
        Operation operation = Operation.parse(operationText == null ? "" : operationText).orElseThrow(() -> AsyncApiException.unparsableJob(
                (operationText == null ? "operation is missing" : "operation '" + operationText + "' is unknown")
                        + "; use insert, update, upsert, delete, hardDelete, query or queryAll, spelled exactly so"));
        String objectName = request.field("object");
        ObjectSchema object = objectName == null ? null : call.jobs().org().schema(objectName)
                .filter(s -> profile.can(s.name(), ObjectPermission.READ)).orElse(null);
        if (object == null) {
            throw new AsyncApiException(ExceptionCode.InvalidJob, "Unable to find object: " + (objectName == null ? "" : objectName));
        }
        if (operation == Operation.hardDelete && !profile.has(Permission.BulkApiHardDelete)) {
            throw new AsyncApiException(ExceptionCode.InvalidJob, "User " + call.caller().user().username()
                    + " lacks the Bulk API Hard Delete permission; grant it in the profile, or use the delete operation");
        }
        String externalId = operation == Operation.upsert ? externalIdField(request, object, profile) : null;
        PkChunking pkChunking = PkChunking.parse(call.exchange().header(PkChunking.HEADER)).orElse(null);
        if (pkChunking != null && !operation.isQuery()) {
            throw new AsyncApiException(ExceptionCode.InvalidJob, PkChunking.HEADER + " applies to query and queryAll jobs only; send it without"
                    + " the header for " + operation);
        }
        return new JobSpec(operation, object.name(), externalId, contentType(request), concurrencyMode(request), request.field("assignmentRuleId"),
                pkChunking);
    }

    private static String externalIdField(JobRequest request, ObjectSchema object, Profile profile) {
        String name = request.field("externalIdFieldName");
        if (name == null) {
            throw new AsyncApiException(ExceptionCode.InvalidJob, "External ID was blank for " + object.name()
                    + ". An External ID must be specified for upsert.");
        }
        FieldSchema field = object.field(name).filter(f -> profile.fieldAccess(object.name(), f.name()).canRead())
                .orElseThrow(() -> new AsyncApiException(ExceptionCode.InvalidJob, "Field name not found : " + name));
        if (!field.externalId() && !field.idLookup() && !field.name().equals("Id")) {
            throw new AsyncApiException(ExceptionCode.InvalidJob, "Field " + field.name() + " of " + object.name()
                    + " is not an External ID field; mark it External ID, or upsert by Id");
        }
        return field.name();
    }

    private static JobContentType contentType(JobRequest request) {
        String text = request.field("contentType");
        if (text == null) {
            return JobContentType.XML;
        }
        try {
            return JobContentType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String hint = text.toUpperCase(Locale.ROOT).startsWith("ZIP_") ? " (zipped batches with attachments are not emulated)" : "";
            throw AsyncApiException.unparsableJob("contentType '" + text + "' is not supported" + hint + "; use CSV, JSON or XML");
        }
    }

    /** Parallel or Serial; 0 and 1 are accepted too, which some clients send (simple-salesforce). */
    private static ConcurrencyMode concurrencyMode(JobRequest request) {
        String text = request.field("concurrencyMode");
        if (text == null || text.equals("0") || text.equals("Parallel")) {
            return ConcurrencyMode.Parallel;
        }
        if (text.equals("1") || text.equals("Serial")) {
            return ConcurrencyMode.Serial;
        }
        throw AsyncApiException.unparsableJob("concurrencyMode '" + text + "' is unknown; use Parallel or Serial");
    }
}

package dev.sfsync.emulator.bulk1;

import java.util.Objects;

/**
 * A failed Bulk API 1.0 call. Bulk 1.0 has its own error shape ({@code <error><exceptionCode>…}), not the REST error
 * array, and answers HTTP 400 for client errors, the invalid session included (clients such as jsforce rely on that).
 */
final class AsyncApiException extends RuntimeException {
    private final ExceptionCode code;
    private final int status;

    AsyncApiException(ExceptionCode code, String message) {
        this(code, message, 400);
    }

    AsyncApiException(ExceptionCode code, String message, int status) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code is null");
        this.status = status;
    }

    ExceptionCode code() {
        return code;
    }

    int status() {
        return status;
    }

    static AsyncApiException invalidSession() {
        return new AsyncApiException(ExceptionCode.InvalidSessionId, "Invalid session id");
    }

    static AsyncApiException unknownJob(String jobId) {
        return new AsyncApiException(ExceptionCode.InvalidJob, "Invalid job id: " + jobId
                + "; use the id returned when the job was created (750…)");
    }

    static AsyncApiException unknownBatch(String batchId) {
        return new AsyncApiException(ExceptionCode.InvalidBatch, "Invalid batch id: " + batchId
                + "; use an id listed by GET …/job/{jobId}/batch (751…)");
    }

    static AsyncApiException unparsableJob(String detail) {
        return new AsyncApiException(ExceptionCode.InvalidJob, "Unable to parse Job: " + detail);
    }
}

package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.http.Exchange;

/**
 * One authenticated Bulk 1.0 request: the exchange, the caller, and the format its answer (error included) is
 * written in, which becomes the job's format as soon as the job is known.
 */
final class Bulk1Call {
    private final Exchange exchange;
    private final Bulk1Auth.Caller caller;
    private final Bulk1Jobs jobs;
    private WireFormat format;

    Bulk1Call(Exchange exchange, Bulk1Auth.Caller caller, Bulk1Jobs jobs, WireFormat format) {
        this.exchange = exchange;
        this.caller = caller;
        this.jobs = jobs;
        this.format = format;
    }

    Exchange exchange() { return exchange; }
    Bulk1Auth.Caller caller() { return caller; }
    Bulk1Jobs jobs() { return jobs; }
    WireFormat format() { return format; }

    /** The caller's job; a job of another user is refused with InvalidUser, as Salesforce does. */
    Job job(String jobId) {
        Job job = jobs.job(jobId).orElseThrow(() -> AsyncApiException.unknownJob(jobId));
        format = job.contentType().wireFormat();
        if (!job.createdBy().id().equals(caller.user().id())) {
            throw new AsyncApiException(ExceptionCode.InvalidUser, "Job " + jobId + " was created by another user; "
                    + "only its creator can read or change it");
        }
        return job;
    }

    Batch batch(Job job, String batchId) {
        return job.batch(batchId).orElseThrow(() -> AsyncApiException.unknownBatch(batchId));
    }
}

package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.http.Exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;

/** Add a batch, list a job's batches, get a batch's info, its request, its results and a query's result files. */
final class BatchEndpoints {
    void add(Bulk1Call call, Matcher path) {
        Job job = call.job(path.group(2));
        Exchange ex = call.exchange();
        String contentType = ex.header("Content-Type");
        if (!job.contentType().accepts(contentType)) {
            throw new AsyncApiException(ExceptionCode.InvalidBatch, "Content-Type " + contentType + " does not match the job's contentType "
                    + job.contentType() + "; send this job's batches as " + job.contentType().mediaType());
        }
        Batch batch = call.jobs().addBatch(job, ex.bodyStream());
        Responses.info(ex, 201, call.format(), batch.info());
    }

    void list(Bulk1Call call, Matcher path) {
        Job job = call.job(path.group(2));
        Responses.batchList(call.exchange(), call.format(), job.batches().stream().map(Batch::info).toList());
    }

    void get(Bulk1Call call, Matcher path) {
        Batch batch = call.batch(call.job(path.group(2)), path.group(3));
        Responses.info(call.exchange(), 200, call.format(), batch.info());
    }

    void request(Bulk1Call call, Matcher path) {
        Batch batch = call.batch(call.job(path.group(2)), path.group(3));
        sendFile(call.exchange(), batch.requestFile(), batch.job().contentType().mediaType());
    }

    /** Ingest batches answer their results; query batches answer the ids of their result files. */
    void results(Bulk1Call call, Matcher path) {
        Batch batch = completed(call.batch(call.job(path.group(2)), path.group(3)));
        Job job = batch.job();
        if (job.operation().isQuery()) {
            Responses.resultList(call.exchange(), call.format(), batch.resultIds());
        } else {
            sendFile(call.exchange(), batch.resultFile(), job.contentType().mediaType());
        }
    }

    void queryResult(Bulk1Call call, Matcher path) {
        Batch batch = completed(call.batch(call.job(path.group(2)), path.group(3)));
        String resultId = path.group(4);
        List<String> ids = batch.resultIds();
        if (!ids.contains(resultId)) {
            throw new AsyncApiException(ExceptionCode.InvalidBatch, "Invalid result id: " + resultId + " for batch " + batch.id()
                    + "; the batch's result ids are " + ids);
        }
        sendFile(call.exchange(), batch.job().directory().resolve(resultId + ".result"), batch.job().contentType().mediaType());
    }

    private static Batch completed(Batch batch) {
        if (batch.state() != BatchState.Completed) {
            throw new AsyncApiException(ExceptionCode.InvalidBatch, "Batch not completed: batch " + batch.id() + " is " + batch.state()
                    + "; poll its batchInfo until the state is Completed");
        }
        return batch;
    }

    private static void sendFile(Exchange ex, Path file, String mediaType) {
        if (!Files.exists(file)) {
            throw new AsyncApiException(ExceptionCode.InvalidBatch, "Records not found for this batch");
        }
        try (OutputStream out = ex.stream(200, mediaType)) {
            Files.copy(file, out);
        } catch (NoSuchFileException e) {
            throw new AsyncApiException(ExceptionCode.InvalidBatch, "Records not found for this batch");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

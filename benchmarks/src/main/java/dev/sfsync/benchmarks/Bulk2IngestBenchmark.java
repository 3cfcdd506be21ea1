package dev.sfsync.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsync.emulator.ApiVersions;
import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamRequestContent;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.StringRequestContent;

import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Bulk API 2.0 ingest over real HTTP: one insert job of 1,000,000 Account rows with 10 columns, the CSV generated while
 * it is uploaded (never held whole on either side), then polled to JobComplete as a client would, and its successful
 * results downloaded. Prints upload and processing rows/s and the heap before and after (the target is 100,000 rows/s
 * of processing; the heap grows by the records the org now holds, not by the job).
 */
final class Bulk2IngestBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "Name,Phone,AccountNumber,Website,Site,AnnualRevenue,NumberOfEmployees,Tier__c,Health_Score__c,Is_Customer__c\n";
    private static final String[] TIERS = {"Gold", "Silver", "Bronze"};

    private Bulk2IngestBenchmark() {
    }

    static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (Emulator emulator = Emulator.builder().org(OrgDefinitionLoader.defaultOrg()).build().start()) {
            OrgHost host = emulator.host();
            host.org().apiUsage().setMax(Long.MAX_VALUE);
            String token = host.sessions().issue(host.org().defaultUser(), host.org().definition().connectedApps().getFirst(), "api", null).accessToken();
            String jobs = host.baseUrl() + "/services/data/v" + ApiVersions.newest() + "/jobs/ingest";
            HttpClient client = new HttpClient();
            client.start();
            try {
                System.out.printf("Bulk API 2.0 ingest benchmark: %,d rows x 10 columns, %d cores, JDK %s, max heap %,d MB%n", rows,
                        Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
                runJob(client, jobs, token, 20_000, false);
                long heapBefore = usedHeapAfterGc();
                Figures figures = runJob(client, jobs, token, rows, true);
                long heapAfter = usedHeapAfterGc();
                int records = host.org().store("Account").orElseThrow().liveCount();
                System.out.println();
                System.out.printf("| figure | value | target |%n|---|---|---|%n");
                System.out.printf("| upload (CSV generated while streamed) | %,.0f rows/s, %,.1f MB/s | |%n", figures.uploadRate(), figures.uploadMbPerSecond());
                System.out.printf("| processing, UploadComplete to JobComplete as polled | %,.0f rows/s | >= 100,000 rows/s |%n", figures.processingRate());
                System.out.printf("| job's own totalProcessingTime | %,d ms | |%n", figures.totalProcessingTime());
                System.out.printf("| process CPU per row while processing (job threads, GC, poller) | %,.1f µs = %,.0f rows per CPU-second | |%n",
                        figures.cpuMicrosPerRow(), 1e6 / figures.cpuMicrosPerRow());
                System.out.printf("| GC time while processing | %,.1f s | |%n", figures.gcSeconds());
                System.out.printf("| load average (2 cores shared with other work) | %.1f | |%n",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                System.out.printf("| successfulResults download | %,.0f rows/s | |%n", figures.resultsRate());
                System.out.printf("| heap after GC, before / after the job | %,d MB / %,d MB (%,d records in the org, %,d bytes each) | |%n",
                        heapBefore >> 20, heapAfter >> 20, records, (heapAfter - heapBefore) / Math.max(1, rows));
                System.out.println();
                System.out.println("Live heap by class, the org holding the records:");
                System.out.println(HeapHistogram.top(15));
            } finally {
                client.stop();
            }
        }
    }

    private record Figures(double uploadRate, double uploadMbPerSecond, double processingRate, long totalProcessingTime, double resultsRate,
                           double cpuMicrosPerRow, double gcSeconds) {
    }

    private static Figures runJob(HttpClient client, String jobs, String token, int rows, boolean report) throws Exception {
        String id = JSON.readTree(send(client, "POST", jobs, token, "{\"object\":\"Account\",\"operation\":\"insert\"}").getContent()).path("id").asText();
        GeneratedCsv csv = new GeneratedCsv(rows);
        long uploadStart = System.nanoTime();
        ContentResponse upload = client.newRequest(jobs + "/" + id + "/batches").method("PUT")
                .headers(h -> h.put("Authorization", "Bearer " + token))
                .body(new InputStreamRequestContent("text/csv", csv, 64 * 1024)).timeout(10, TimeUnit.MINUTES).send();
        double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
        if (upload.getStatus() != 201) {
            throw new IllegalStateException("upload failed: HTTP " + upload.getStatus() + " " + upload.getContentAsString());
        }
        long closeStart = System.nanoTime();
        long cpuBefore = processCpuNanos();
        long gcBefore = gcMillis();
        send(client, "PATCH", jobs + "/" + id, token, "{\"state\":\"UploadComplete\"}");
        JsonNode info;
        long lastReport = System.nanoTime();
        do {
            Thread.sleep(100);
            info = JSON.readTree(send(client, "GET", jobs + "/" + id, token, null).getContent());
            if (report && info.path("state").asText().equals("InProgress") && System.nanoTime() - lastReport > 2_000_000_000L) {
                System.out.printf("  polled: InProgress, %,d rows processed%n", info.path("numberRecordsProcessed").asLong());
                lastReport = System.nanoTime();
            }
        } while (!info.path("state").asText().equals("JobComplete") && !info.path("state").asText().equals("Failed"));
        double processingSeconds = (System.nanoTime() - closeStart) / 1e9;
        double cpuMicrosPerRow = (processCpuNanos() - cpuBefore) / 1e3 / rows;
        double gcSeconds = (gcMillis() - gcBefore) / 1e3;
        if (!info.path("state").asText().equals("JobComplete") || info.path("numberRecordsFailed").asLong() != 0) {
            throw new IllegalStateException("the job did not complete cleanly: " + info);
        }
        long resultsStart = System.nanoTime();
        long resultLines = countLines(client, jobs + "/" + id + "/successfulResults", token);
        double resultsSeconds = (System.nanoTime() - resultsStart) / 1e9;
        if (resultLines != rows + 1) {
            throw new IllegalStateException("successfulResults has " + resultLines + " lines, expected " + (rows + 1));
        }
        return new Figures(rows / uploadSeconds, csv.bytes / 1e6 / uploadSeconds, rows / processingSeconds,
                info.path("totalProcessingTime").asLong(), rows / resultsSeconds, cpuMicrosPerRow, gcSeconds);
    }

    private static long countLines(HttpClient client, String url, String token) throws Exception {
        InputStreamResponseListener listener = new InputStreamResponseListener();
        client.newRequest(url).headers(h -> h.put("Authorization", "Bearer " + token)).send(listener);
        Response response = listener.get(1, TimeUnit.MINUTES);
        if (response.getStatus() != 200) {
            throw new IllegalStateException("results failed: HTTP " + response.getStatus());
        }
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = listener.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private static ContentResponse send(HttpClient client, String method, String url, String token, String body) throws Exception {
        var request = client.newRequest(url).method(method).headers(h -> h.put("Authorization", "Bearer " + token));
        if (body != null) {
            request.body(new StringRequestContent("application/json", body));
        }
        ContentResponse response = request.send();
        if (response.getStatus() >= 300) {
            throw new IllegalStateException(method + " " + url + " failed: HTTP " + response.getStatus() + " " + response.getContentAsString());
        }
        return response;
    }

    /**
     * CPU time of this whole process: what processing costs (the job's threads, the GC, the polling client), whatever
     * else the machine is doing. A job's helper threads end with it, so per-thread CPU time would miss them.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The job's CSV, made a few hundred rows at a time as the upload reads it. */
    private static final class GeneratedCsv extends InputStream {
        private final int rows;
        private int next;
        private byte[] buffer = HEADER.getBytes(StandardCharsets.UTF_8);
        private int position;
        long bytes;

        GeneratedCsv(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position == buffer.length && !refill()) {
                return -1;
            }
            int n = Math.min(length, buffer.length - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            bytes += n;
            return n;
        }

        private boolean refill() {
            if (next >= rows) {
                return false;
            }
            StringBuilder out = new StringBuilder(64 * 1024);
            for (int end = Math.min(rows, next + 500); next < end; next++) {
                int i = next;
                out.append("Account ").append(i).append(",+1 555 ").append(1_000_000 + i % 9_000_000).append(",AN-").append(i)
                        .append(",https://a").append(i).append(".example.com,Site ").append(i % 100).append(',').append(i % 10_000 * 1_000L)
                        .append(',').append(i % 5_000).append(',').append(TIERS[i % 3]).append(',').append(i % 100).append('.').append(i % 10)
                        .append(',').append(i % 2 == 0).append('\n');
            }
            buffer = out.toString().getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }
    }
}

package dev.sfsync.benchmarks;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk API 1.0 ingest through the emulator over loopback HTTP: one Parallel upsert job of CSV batches of 10,000
 * records, polled until every batch has completed. Prints records/s from the first batch sent to the last one
 * done, the emulator's CPU per 1,000 records, and the heap in use after the run (batches are spooled to disk, so
 * it should not grow with the number of records).
 */
final class Bulk1Benchmark {
    private static final int RECORDS_PER_BATCH = 10_000;
    private static final Pattern ELEMENT = Pattern.compile("<(\\w+)>([^<]*)</\\1>");

    private Bulk1Benchmark() {
    }

    static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (Emulator emulator = Emulator.builder().org(OrgDefinitionLoader.defaultOrg()).build().start()) {
            OrgHost host = emulator.host();
            host.org().apiUsage().setMax(Long.MAX_VALUE);
            String token = host.sessions().issue(host.org().defaultUser(), host.org().definition().connectedApps().getFirst(), "api", null).accessToken();
            String async = host.baseUrl() + "/services/async/60.0";
            HttpClient client = new HttpClient();
            client.start();
            System.out.printf("Bulk 1.0 benchmark: %d batches of %,d records, %d cores, JDK %s%n", batches, RECORDS_PER_BATCH,
                    Runtime.getRuntime().availableProcessors(), Runtime.version());
            run(client, async, token, 2, "warm-up (not counted)");
            double rate = run(client, async, token, batches, "Parallel upsert job, CSV");
            client.stop();
            System.gc();
            long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
            System.out.println();
            System.out.printf("| figure | value |%n|---|---|%n");
            System.out.printf("| Bulk 1.0 CSV upsert, Parallel, %,d-record batches | %,.0f records/s |%n", RECORDS_PER_BATCH, rate);
            System.out.printf("| heap in use after %,d records (after GC) | %,d MB |%n", (long) batches * RECORDS_PER_BATCH, heapMb);
        }
    }

    private static double run(HttpClient client, String async, String token, int batches, String label) throws Exception {
        long cpuBefore = serverCpuNanos();
        long start = System.nanoTime();
        String job = element(send(client, "POST", async + "/job", token, "application/xml",
                "<jobInfo xmlns=\"http://www.force.com/2009/06/asyncapi/dataload\"><operation>upsert</operation><object>Account</object>"
                        + "<externalIdFieldName>External_Key__c</externalIdFieldName><contentType>CSV</contentType></jobInfo>"), "id");
        for (int b = 0; b < batches; b++) {
            send(client, "POST", async + "/job/" + job + "/batch", token, "text/csv", csv(label.hashCode() + "-" + b));
        }
        send(client, "POST", async + "/job/" + job, token, "application/xml",
                "<jobInfo xmlns=\"http://www.force.com/2009/06/asyncapi/dataload\"><state>Closed</state></jobInfo>");
        String info;
        do {
            Thread.sleep(50);
            info = send(client, "GET", async + "/job/" + job, token, null, null);
        } while (Integer.parseInt(element(info, "numberBatchesCompleted")) + Integer.parseInt(element(info, "numberBatchesFailed")) < batches);
        double seconds = (System.nanoTime() - start) / 1e9;
        long records = Long.parseLong(element(info, "numberRecordsProcessed"));
        double cpuMillisPer1000 = (serverCpuNanos() - cpuBefore) / 1e6 / Math.max(1, records / 1000.0);
        System.out.printf("  %-40s %,10.0f records/s  (%,d records, %,d failed, %.1f s; server CPU %.1f ms per 1,000 records)%n", label,
                records / seconds, records, Long.parseLong(element(info, "numberRecordsFailed")), seconds, cpuMillisPer1000);
        return records / seconds;
    }

    private static String csv(String prefix) {
        StringBuilder csv = new StringBuilder(RECORDS_PER_BATCH * 48).append("External_Key__c,Name,Tier__c,Health_Score__c\n");
        for (int i = 0; i < RECORDS_PER_BATCH; i++) {
            csv.append("K-").append(prefix).append('-').append(i).append(",Bulk row ").append(i).append(",Silver,").append(i % 100).append('\n');
        }
        return csv.toString();
    }

    private static String element(String xml, String name) {
        Matcher matcher = ELEMENT.matcher(xml);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new IllegalStateException("no <" + name + "> in " + xml);
    }

    private static String send(HttpClient client, String method, String url, String token, String contentType, String body) throws Exception {
        Request request = client.newRequest(url).method(method).headers(h -> h.put("X-SFDC-Session", token));
        if (body != null) {
            request.body(new StringRequestContent(contentType, body));
        }
        ContentResponse response = request.send();
        if (response.getStatus() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.getStatus() + ": " + response.getContentAsString());
        }
        return response.getContentAsString();
    }

    /** CPU time of the emulator's request and batch worker threads. */
    private static long serverCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("sfsync-emulator") || info.getThreadName().startsWith("sfsync-bulk1-"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}

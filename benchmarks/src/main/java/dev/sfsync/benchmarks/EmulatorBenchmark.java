package dev.sfsync.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsync.emulator.ApiVersions;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the emulator's REST API over real HTTP on loopback, client and server sharing this machine's cores
 * (Jetty's HTTP client is the load generator: the JDK's own client spends more CPU than the server it measures):
 * single-record calls (create, retrieve, update) with 16 concurrent clients, and sObject Collections ingest
 * (upserts of 200 records per call). Prints requests/s and records/s; targets are 3,000 req/s and 50,000 records/s.
 */
final class EmulatorBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 16;

    private EmulatorBenchmark() {
    }

    static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (Emulator emulator = Emulator.builder().org(OrgDefinitionLoader.defaultOrg()).build().start()) {
            OrgHost host = emulator.host();
            host.org().apiUsage().setMax(Long.MAX_VALUE);
            String token = host.sessions().issue(host.org().defaultUser(), host.org().definition().connectedApps().getFirst(), "api", null).accessToken();
            String api = host.baseUrl() + "/services/data/v" + ApiVersions.newest();
            System.out.printf("emulator benchmark: %d clients, %d s per phase, %d cores, JDK %s%n", CLIENTS, seconds,
                    Runtime.getRuntime().availableProcessors(), Runtime.version());

            run("warm-up (not counted)", Math.min(5, seconds), api, token, Phase.SINGLE);
            double single = run("single-record REST (create/retrieve/update)", seconds, api, token, Phase.SINGLE);
            run("warm-up (not counted)", Math.min(5, seconds), api, token, Phase.COLLECTIONS);
            double batches = run("sObject Collections upsert, 200 records per call", seconds, api, token, Phase.COLLECTIONS);
            System.out.println();
            System.out.printf("| figure | value | target |%n|---|---|---|%n");
            System.out.printf("| single-record REST calls, 16 clients | %,.0f req/s | >= 3,000 req/s |%n", single);
            System.out.printf("| Collections ingest | %,.0f records/s | >= 50,000 records/s |%n", batches * 200);
        }
    }

    private enum Phase { SINGLE, COLLECTIONS }

    private static double run(String label, int seconds, String api, String token, Phase phase) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        HttpClient client = new HttpClient();
        client.setMaxConnectionsPerDestination(CLIENTS);
        client.start();
        List<Future<?>> futures = new ArrayList<>();
        long serverCpuBefore = serverCpuNanos();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            futures.add(pool.submit(() -> {
                String lastId = null;
                while (!stop.get()) {
                    try {
                        ContentResponse response;
                        long n = sequence.incrementAndGet();
                        if (phase == Phase.COLLECTIONS) {
                            response = send(client, "PATCH", api + "/composite/sobjects/Account/External_Key__c", token, batch(n));
                        } else if (lastId == null || n % 3 == 0) {
                            response = send(client, "POST", api + "/sobjects/Account", token, "{\"Name\":\"Bench " + n + "\",\"Tier__c\":\"Gold\"}");
                            if (response.getStatus() == 201) {
                                lastId = JSON.readTree(response.getContent()).path("id").asText();
                            }
                        } else if (n % 3 == 1) {
                            response = send(client, "GET", api + "/sobjects/Account/" + lastId, token, null);
                        } else {
                            response = send(client, "PATCH", api + "/sobjects/Account/" + lastId, token, "{\"Health_Score__c\":" + (n % 100) + "}");
                        }
                        calls.incrementAndGet();
                        if (response.getStatus() >= 300) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        client.stop();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rate = calls.get() / elapsed;
        double serverMicrosPerCall = (serverCpuNanos() - serverCpuBefore) / 1e3 / Math.max(1, calls.get());
        System.out.printf("  %-52s %,10.0f calls/s  (%,d calls, %,d failed; server CPU %,.0f µs/call)%n", label, rate, calls.get(),
                failures.get(), serverMicrosPerCall);
        return rate;
    }

    /** CPU time of the emulator's threads; divided by calls it gives a cost per call that other load on the machine does not skew. */
    private static long serverCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("sfsync-emulator")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static String batch(long n) throws Exception {
        List<Object> records = new ArrayList<>(200);
        for (int i = 0; i < 200; i++) {
            records.add(java.util.Map.of("attributes", java.util.Map.of("type", "Account"), "External_Key__c", "B-" + n + "-" + i,
                    "Name", "Batch " + n + " row " + i, "Tier__c", "Silver", "Health_Score__c", i % 100));
        }
        return JSON.writeValueAsString(java.util.Map.of("allOrNone", false, "records", records));
    }

    private static ContentResponse send(HttpClient client, String method, String url, String token, String body) throws Exception {
        Request request = client.newRequest(url).method(method).headers(h -> h.put("Authorization", "Bearer " + token));
        if (body != null) {
            request.body(new StringRequestContent("application/json", body));
        }
        return request.send();
    }

}

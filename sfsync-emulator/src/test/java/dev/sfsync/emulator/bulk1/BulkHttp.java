package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.Http;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Bulk API 1.0 on the wire for the tests: the X-SFDC-Session header, raw bodies, and a poll that waits for a batch
 * to end. Like {@link Http}, it knows nothing of the emulator's code, so the tests check what a client would see.
 */
final class BulkHttp {
    static final String NS = "http://www.force.com/2009/06/asyncapi/dataload";
    static final String ASYNC = "/services/async/60.0";
    private static final Set<String> FINAL_STATES = Set.of("Completed", "Failed", "NotProcessed");

    private final Http http;
    private final String session;

    BulkHttp(Http http) {
        this.http = http;
        this.session = http.token();
    }

    BulkHttp as(String otherSession) {
        return new BulkHttp(http.withToken(otherSession));
    }

    Http.Response post(String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.builder(path).build().uri()).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** Creates a CSV query job with a Sforce-Enable-PKChunking header; the answer as it came. */
    Http.Response createChunkedQueryJob(String object, String pkChunking) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><jobInfo xmlns=\"" + NS + "\"><operation>query</operation><object>" + object
                + "</object><contentType>CSV</contentType></jobInfo>";
        return send(HttpRequest.newBuilder(http.builder(ASYNC + "/job").build().uri()).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/xml; charset=UTF-8").header("Sforce-Enable-PKChunking", pkChunking));
    }

    Http.Response get(String path) {
        return send(HttpRequest.newBuilder(http.builder(path).build().uri()).GET());
    }

    /** A GET that says which format it prefers, as clients that send Content-Type on every call do. */
    Http.Response get(String path, String contentType) {
        return send(HttpRequest.newBuilder(http.builder(path).build().uri()).header("Content-Type", contentType).GET());
    }

    private Http.Response send(HttpRequest.Builder request) {
        if (session != null) {
            request.header("X-SFDC-Session", session);
        }
        return http.send(request);
    }

    /** Creates a job from a jobInfo written in XML and returns its id. */
    String createJob(String operation, String object, String contentType, String... extraElements) {
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><jobInfo xmlns=\"" + NS + "\">")
                .append("<operation>").append(operation).append("</operation><object>").append(object).append("</object>");
        for (String element : extraElements) {
            body.append(element);
        }
        body.append("<contentType>").append(contentType).append("</contentType></jobInfo>");
        Http.Response response = post(ASYNC + "/job", "application/xml; charset=UTF-8", body.toString());
        if (response.status() != 201) {
            throw new AssertionError("job not created: " + response);
        }
        return xml(response.body(), "id");
    }

    String addBatch(String jobId, String contentType, String body) {
        Http.Response response = post(ASYNC + "/job/" + jobId + "/batch", contentType, body);
        if (response.status() != 201) {
            throw new AssertionError("batch not added: " + response);
        }
        return contentType.startsWith("application/json") ? response.json().path("id").asText() : xml(response.body(), "id");
    }

    /** Polls the batch until it ends (Completed, Failed or NotProcessed) and returns its last batchInfo. */
    Http.Response awaitBatch(String jobId, String batchId) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            Http.Response info = get(ASYNC + "/job/" + jobId + "/batch/" + batchId);
            String state = info.body().contains("\"state\"") ? info.json().path("state").asText() : xml(info.body(), "state");
            if (FINAL_STATES.contains(state)) {
                return info;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("batch " + batchId + " still " + state + " after 20 s");
            }
            sleepBriefly();
        }
    }

    static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The text of the first element with this local name, or null. */
    static String xml(String body, String element) {
        List<String> all = xmlAll(body, element);
        return all.isEmpty() ? null : all.getFirst();
    }

    static List<String> xmlAll(String body, String element) {
        NodeList nodes = document(body).getElementsByTagNameNS("*", element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    static Element root(String body) {
        return document(body).getDocumentElement();
    }

    private static Document document(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + body, e);
        }
    }
}

package dev.sfsync.emulator.bulk2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class MultipartCreateTest extends Bulk2Test {

    private Http.Response createWithData(String contentType, String body) {
        return http.send(http.builder(data(INGEST)).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String body(String lineBreak, String job, String csv) {
        return String.join(lineBreak, "--BOUNDARY", "Content-Type: application/json", "Content-Disposition: form-data; name=\"job\"", "",
                job, "--BOUNDARY", "Content-Type: text/csv", "Content-Disposition: form-data; name=\"content\"; filename=\"content\"", "",
                csv + "--BOUNDARY--", "");
    }

    @Test
    void a_multipart_request_creates_a_closed_job_with_its_data() {
        Http.Response response = createWithData("multipart/form-data; boundary=\"BOUNDARY\"", body("\n",
                "{\"object\":\"Contact\",\"contentType\":\"CSV\",\"operation\":\"insert\",\"lineEnding\":\"LF\"}",
                "FirstName,LastName,MailingCity\nAstro,Nomical,San Francisco\nHootie,McOwl,San Francisco\n"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode job = response.json();
        assertThat(job.path("state").asText()).isEqualTo("UploadComplete");
        assertThat(job.has("contentUrl")).isFalse();
        awaitJobs();
        JsonNode info = info(INGEST, job.path("id").asText());
        assertThat(info.path("state").asText()).isEqualTo("JobComplete");
        assertThat(info.path("numberRecordsProcessed").asLong()).isEqualTo(2);
        assertThat(liveCount("Contact")).isEqualTo(2);
    }

    @Test
    void crlf_framing_keeps_the_csv_exactly_as_sent() {
        Http.Response response = createWithData("multipart/form-data; boundary=BOUNDARY", body("\r\n",
                "{\"object\":\"Account\",\"operation\":\"insert\",\"lineEnding\":\"CRLF\"}", "Name\r\nA\r\n"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        awaitJobs();
        assertThat(info(INGEST, response.json().path("id").asText()).path("state").asText()).isEqualTo("JobComplete");
        assertThat(liveCount("Account")).isEqualTo(1);
    }

    @Test
    void a_multipart_request_needs_both_parts_and_at_most_100000_characters() {
        Http.Response noContent = createWithData("multipart/form-data; boundary=B", "--B\nContent-Disposition: form-data; name=\"job\"\n\n"
                + "{\"object\":\"Account\",\"operation\":\"insert\"}\n--B--\n");
        assertThat(noContent.status()).isEqualTo(400);
        assertThat(noContent.json().path(0).path("message").asText()).contains("\"content\"");
        Http.Response tooLarge = createWithData("multipart/form-data; boundary=BOUNDARY", body("\n",
                "{\"object\":\"Account\",\"operation\":\"insert\"}", "Name\n" + "A".repeat(100_000) + "\n"));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().path(0).path("message").asText()).contains("100000 characters");
        assertThat(createWithData("multipart/form-data", "x").json().path(0).path("message").asText()).contains("boundary");
    }
}

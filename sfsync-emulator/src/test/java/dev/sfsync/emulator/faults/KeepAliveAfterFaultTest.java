package dev.sfsync.emulator.faults;

import dev.sfsync.emulator.EmulatorTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static dev.sfsync.emulator.faults.FaultYaml.rules;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call refused before its body is read (an injected fault here; a failed login or a refused upload alike) must
 * leave the keep-alive connection usable: clients send their retry on the same connection.
 */
class KeepAliveAfterFaultTest extends EmulatorTest {

    @Test
    void the_next_request_on_the_connection_is_answered_after_a_fault_refused_an_unread_body() throws IOException {
        host.faults().set(rules("errors: [{api: rest, path: composite, errorCode: UNABLE_TO_LOCK_ROW}]"));
        URI base = URI.create(host.baseUrl());
        String body = "{\"records\":[" + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"x\"},".repeat(2_000) + "{}]}";

        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] post = request("POST", data("/composite/sobjects"), body).getBytes(StandardCharsets.UTF_8);
            // Half now and half a moment later, as a large upload arrives: the refusal is decided before the rest is there.
            out.write(post, 0, post.length / 2);
            out.flush();
            sleepBriefly();
            out.write(post, post.length / 2, post.length - post.length / 2);
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 400").contains("UNABLE_TO_LOCK_ROW");

            out.write(request("GET", data("/limits"), null).getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").contains("DailyApiRequests");
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String request(String method, String path, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + http.token() + "\r\n"
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n") + "\r\n"
                + (body == null ? "" : body);
    }

    /** One HTTP/1.1 response with a Content-Length body; fails if the connection closes first. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the connection closed before a complete answer; received: " + head).isNotNegative();
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}

package dev.sfsync.emulator.admin;

import dev.sfsync.emulator.EmulatorTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A web page in the user's browser cannot drive the emulator's admin endpoints; tools without an Origin and the emulator's own pages can. */
class AdminOriginTest extends EmulatorTest {
    private HttpResponse<String> reset(String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(host.baseUrl() + "/__admin/reset")).POST(HttpRequest.BodyPublishers.noBody());
        if (origin != null) {
            request.header("Origin", origin);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void a_request_from_another_sites_page_is_refused_and_one_without_origin_or_from_the_emulator_is_served() throws Exception {
        int port = URI.create(host.baseUrl()).getPort();

        HttpResponse<String> foreign = reset("https://evil.example.com");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("ORIGIN_REFUSED");
        assertThat(reset("http://localhost:" + (port + 1000)).statusCode()).as("another local port is another site").isEqualTo(403);

        assertThat(reset(null).statusCode()).isEqualTo(204);
        assertThat(reset("http://localhost:" + port).statusCode()).isEqualTo(204);
    }

    @Test
    void only_a_loopback_bind_address_keeps_the_admin_endpoints_on_this_machine() {
        assertThat(AdminOrigin.beyondLoopback("127.0.0.1")).isFalse();
        assertThat(AdminOrigin.beyondLoopback("localhost")).isFalse();
        assertThat(AdminOrigin.beyondLoopback("0.0.0.0")).isTrue();
        assertThat(AdminOrigin.beyondLoopback("192.168.1.20")).isTrue();
    }
}

package dev.sfsync.emulator.tls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLHandshakeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsTransportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path certificates;

    @Test
    void an_org_served_over_tls_hands_out_https_urls_to_a_client_that_trusts_the_saved_truststore() throws Exception {
        TlsSettings tls = TlsSettings.selfSigned(certificates);
        try (Emulator emulator = Emulator.builder().tls(tls).build().start()) {
            String base = emulator.host().baseUrl();
            assertThat(base).startsWith("https://");
            HttpClient client = HttpClient.newBuilder().sslContext(tls.trustFiles().orElseThrow().sslContext()).build();
            var user = emulator.host().org().defaultUser();
            var app = emulator.host().org().definition().connectedApps().getFirst();
            String form = "grant_type=password&client_id=" + app.clientId() + "&client_secret=" + app.clientSecret()
                    + "&username=" + user.username() + "&password=" + user.password();
            String localhostBase = base.replace("127.0.0.1", "localhost");
            HttpResponse<String> token = client.send(HttpRequest.newBuilder(URI.create(localhostBase + "/services/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode body = JSON.readTree(token.body());
            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(body.path("instance_url").asText()).isEqualTo(localhostBase);
            assertThat(body.path("id").asText()).startsWith(localhostBase + "/id/");
        }
    }

    @Test
    void a_client_that_does_not_trust_the_certificate_is_refused_at_the_handshake() {
        try (Emulator emulator = Emulator.builder().tls(TlsSettings.selfSigned(certificates)).build().start()) {
            HttpClient client = HttpClient.newHttpClient();
            assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create(emulator.host().baseUrl() + "/services/data/")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void the_saved_certificate_is_reused_so_clients_trust_it_once() throws Exception {
        TlsSettings first = TlsSettings.selfSigned(certificates);
        byte[] pem = Files.readAllBytes(first.trustFiles().orElseThrow().pem());
        TlsSettings second = TlsSettings.selfSigned(certificates);

        assertThat(Files.readAllBytes(second.trustFiles().orElseThrow().pem())).isEqualTo(pem);
        assertThat(new String(pem)).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void an_org_file_can_ask_for_tls_with_the_certificate_in_a_directory_of_its_choice() throws Exception {
        String yaml = "name: Secure\ntls: {directory: '" + certificates.toString().replace("'", "''") + "'}\n";
        try (Emulator emulator = Emulator.builder().org(OrgDefinitionLoader.load(yaml.getBytes(), "secure.yaml")).build().start()) {
            assertThat(emulator.host().baseUrl()).startsWith("https://");
            TlsSettings.TrustFiles trust = emulator.tls(emulator.host()).orElseThrow().trustFiles().orElseThrow();
            Path truststore = trust.truststore();
            HttpClient client = HttpClient.newBuilder().sslContext(trust.sslContext()).build();
            HttpResponse<String> versions = client.send(HttpRequest.newBuilder(URI.create(emulator.host().baseUrl() + "/services/data/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(versions.statusCode()).isEqualTo(200);
            assertThat(truststore).startsWith(certificates);
        }
    }

}

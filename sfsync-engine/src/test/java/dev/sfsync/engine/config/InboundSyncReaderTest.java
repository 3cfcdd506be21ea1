package dev.sfsync.engine.config;

import dev.sfsync.engine.inbound.InboundApi;
import dev.sfsync.engine.inbound.InboundSyncDefinition;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InboundSyncReaderTest {
    private static final String PROJECT = """
            sources:
              warehouse: {url: "jdbc:duckdb:warehouse.duckdb"}
            connections:
              prod: {client_id: abc}
            inbound:
              contacts_in:
                object: Contact
                table: sf_contacts
            %s
            """;

    private static ConfigResult read(String extra) {
        return new ProjectConfigReader().read(Path.of("."), "sfsync.yaml", new StringReader(PROJECT.formatted(extra)));
    }

    @Test
    void api_bulk1_takes_a_pk_chunk_size_and_defaults_to_salesforces_100000() {
        InboundSyncDefinition chunked = read("    api: bulk1\n    pk_chunk_size: 250000").config().orElseThrow().inbound().get("contacts_in");
        InboundSyncDefinition plain = read("    api: bulk1").config().orElseThrow().inbound().get("contacts_in");

        assertThat(chunked.api()).isEqualTo(InboundApi.BULK1);
        assertThat(chunked.pkChunkSize()).isEqualTo(250_000);
        assertThat(plain.pkChunkSize()).isEqualTo(InboundSyncDefinition.DEFAULT_PK_CHUNK_SIZE);
    }

    @Test
    void a_pk_chunk_size_above_salesforces_limit_is_a_problem_at_its_path() {
        ConfigResult result = read("    api: bulk1\n    pk_chunk_size: 300000");

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("inbound.contacts_in.pk_chunk_size");
            assertThat(p.message() + " " + p.fix()).contains("250000");
        });
    }
}

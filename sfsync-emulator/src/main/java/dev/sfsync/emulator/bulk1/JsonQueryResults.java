package dev.sfsync.emulator.bulk1;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sfsync.emulator.http.Json;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.soql.SoqlProjector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON query results: an array of records with attributes, dates as epoch milliseconds, streamed. */
final class JsonQueryResults implements QueryResults {
    private final SoqlProjector projector;
    private final SoqlProjector.Renderer renderer;
    private final JsonGenerator json;

    JsonQueryResults(Path file, SoqlProjector projector, String apiVersion) throws IOException {
        this.projector = projector;
        this.renderer = QueryResults.renderer(apiVersion, QueryResults.ValueStyle.EPOCH_JSON);
        this.json = Json.MAPPER.getFactory().createGenerator(Files.newOutputStream(file));
        json.setCodec(Json.MAPPER);
        json.writeStartArray();
    }

    @Override
    public void write(StoredRecord record) throws IOException {
        json.writeObject(projector.json(record, renderer));
    }

    @Override
    public void close() throws IOException {
        json.writeEndArray();
        json.close();
    }
}

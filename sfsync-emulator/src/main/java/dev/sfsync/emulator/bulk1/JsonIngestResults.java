package dev.sfsync.emulator.bulk1;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sfsync.emulator.http.Json;
import dev.sfsync.emulator.write.RecordError;
import dev.sfsync.emulator.write.WriteResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code [{"success":true,"created":true,"id":"001…","errors":[]}]}, streamed one result at a time. */
final class JsonIngestResults implements IngestResults {
    private final JsonGenerator json;

    JsonIngestResults(Path file) throws IOException {
        this.json = Json.MAPPER.getFactory().createGenerator(Files.newOutputStream(file));
        json.writeStartArray();
    }

    @Override
    public void write(WriteResult result) throws IOException {
        json.writeStartObject();
        json.writeBooleanField("success", result.success());
        json.writeBooleanField("created", result.created());
        json.writeStringField("id", result.id());
        json.writeArrayFieldStart("errors");
        for (RecordError error : result.errors()) {
            json.writeStartObject();
            json.writeStringField("message", error.message());
            json.writeArrayFieldStart("fields");
            for (String field : error.fields()) {
                json.writeString(field);
            }
            json.writeEndArray();
            json.writeStringField("statusCode", error.statusCode());
            json.writeNullField("extendedErrorDetails");
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        json.writeEndArray();
        json.close();
    }
}

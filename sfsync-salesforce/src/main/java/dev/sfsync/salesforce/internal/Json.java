package dev.sfsync.salesforce.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** The client's one JSON mapper; numbers with fractions stay BigDecimal so currency values keep every digit. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(salesforceValues())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    public static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {
    }

    /**
     * Dates as YYYY-MM-DD and instants as ISO 8601 in UTC, the forms Salesforce reads, without pulling in the JSR-310
     * module. A LocalDateTime has no zone, so it is refused rather than guessed.
     */
    private static SimpleModule salesforceValues() {
        SimpleModule module = new SimpleModule("salesforce-values");
        module.addSerializer(LocalDate.class, ToStringSerializer.instance);
        module.addSerializer(Instant.class, ToStringSerializer.instance);
        module.addSerializer(OffsetDateTime.class, ToStringSerializer.instance);
        module.addSerializer(ZonedDateTime.class, new StdSerializer<>(ZonedDateTime.class) {
            @Override
            public void serialize(ZonedDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toOffsetDateTime().toString());
            }
        });
        module.addSerializer(LocalDateTime.class, new StdSerializer<>(LocalDateTime.class) {
            @Override
            public void serialize(LocalDateTime value, JsonGenerator gen, SerializerProvider provider) {
                throw new IllegalArgumentException("a LocalDateTime (" + value + ") has no time zone, so Salesforce would read it in a zone "
                        + "you did not choose; send an Instant or OffsetDateTime");
            }
        });
        return module;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Salesforce sent JSON this client cannot read: " + e.getMessage(), e);
        }
    }
}

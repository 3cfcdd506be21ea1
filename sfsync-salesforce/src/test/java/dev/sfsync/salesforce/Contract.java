package dev.sfsync.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.salesforce.internal.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The documented response examples under src/test/resources/contract, written from Salesforce's documentation. */
public final class Contract {
    private Contract() {
    }

    public static InputStream stream(String name) {
        InputStream in = Contract.class.getResourceAsStream("/contract/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no contract example /contract/" + name + " on the test classpath");
        }
        return in;
    }

    public static byte[] bytes(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String name) {
        return Json.read(bytes(name));
    }
}

package dev.sfsync.salesforce.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A request body that can be sent more than once (a retry, or the resend after a token refresh): bytes in memory for
 * small bodies, a file for uploads, so a 100 MB CSV is streamed from disk and never held in memory.
 */
public sealed interface RequestBody {
    RequestBody NONE = new Empty();

    String contentType();

    long length();

    HttpRequest.BodyPublisher publisher();

    /** The first {@code limit} bytes, for the exchange listener's preview. */
    byte[] preview(int limit);

    static RequestBody bytes(byte[] content, String contentType) {
        return new Bytes(content, contentType);
    }

    static RequestBody json(byte[] content) {
        return new Bytes(content, "application/json; charset=UTF-8");
    }

    static RequestBody form(Map<String, String> fields) {
        String encoded = fields.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new Bytes(encoded.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    static RequestBody file(Path file, String contentType) {
        return new FileBody(file, contentType);
    }

    record Empty() implements RequestBody {
        @Override
        public String contentType() {
            return null;
        }

        @Override
        public long length() {
            return 0;
        }

        @Override
        public HttpRequest.BodyPublisher publisher() {
            return HttpRequest.BodyPublishers.noBody();
        }

        @Override
        public byte[] preview(int limit) {
            return new byte[0];
        }
    }

    record Bytes(byte[] content, String contentType) implements RequestBody {
        public Bytes {
            Objects.requireNonNull(content, "content is null");
            Objects.requireNonNull(contentType, "contentType is null");
        }

        @Override
        public long length() {
            return content.length;
        }

        @Override
        public HttpRequest.BodyPublisher publisher() {
            return HttpRequest.BodyPublishers.ofByteArray(content);
        }

        @Override
        public byte[] preview(int limit) {
            return Arrays.copyOf(content, Math.min(limit, content.length));
        }
    }

    record FileBody(Path file, String contentType) implements RequestBody {
        public FileBody {
            Objects.requireNonNull(file, "file is null");
            Objects.requireNonNull(contentType, "contentType is null");
        }

        @Override
        public long length() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the upload file " + file, e);
            }
        }

        @Override
        public HttpRequest.BodyPublisher publisher() {
            try {
                return HttpRequest.BodyPublishers.ofFile(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the upload file " + file, e);
            }
        }

        @Override
        public byte[] preview(int limit) {
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(limit);
            } catch (IOException e) {
                return new byte[0];
            }
        }
    }
}

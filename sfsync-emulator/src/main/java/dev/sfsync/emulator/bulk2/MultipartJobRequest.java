package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.http.ApiException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A create-job request that carries its data too (multipart/form-data): a "job" part with the job's JSON and a
 * "content" part with the CSV. Salesforce takes this form for up to 100,000 characters of data; larger data goes
 * through the upload resource.
 */
record MultipartJobRequest(byte[] job, byte[] content) {
    static final int MAX_CONTENT_CHARACTERS = 100_000;
    private static final int MAX_BODY_BYTES = 4 * MAX_CONTENT_CHARACTERS + 64 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("(?i)content-disposition:[^\\n]*\\bname=\"?([^\";\\r\\n]+)\"?");

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static MultipartJobRequest read(String contentType, InputStream body) throws IOException {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw invalid("the Content-Type names no boundary, e.g. multipart/form-data; boundary=BOUNDARY");
        }
        String delimiter = "--" + (boundary.group(1) != null ? boundary.group(1) : boundary.group(2));
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        // ISO-8859-1 maps each byte to one char and back, so the parts' bytes survive the split untouched.
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        byte[] job = null;
        byte[] content = null;
        for (String part : text.split(Pattern.quote(delimiter), -1)) {
            int headersEnd = headersEnd(part);
            if (part.startsWith("--") || headersEnd < 0) {
                continue;
            }
            Matcher name = NAME.matcher(part.substring(0, headersEnd));
            String partName = name.find() ? name.group(1) : null;
            byte[] value = stripLineBreak(part.substring(headersEnd)).getBytes(StandardCharsets.ISO_8859_1);
            if ("job".equals(partName)) {
                job = value;
            } else if ("content".equals(partName)) {
                content = value;
            }
        }
        if (job == null || content == null) {
            throw invalid("it needs a part named \"job\" (the job's JSON) and a part named \"content\" (the CSV)");
        }
        if (new String(content, StandardCharsets.UTF_8).length() > MAX_CONTENT_CHARACTERS) {
            throw tooLarge();
        }
        return new MultipartJobRequest(job, content);
    }

    /** Where a part's headers end and its value starts; -1 when the part has no headers. */
    private static int headersEnd(String part) {
        int crlf = part.indexOf("\r\n\r\n");
        int lf = part.indexOf("\n\n");
        if (crlf >= 0 && (lf < 0 || crlf < lf)) {
            return crlf + 4;
        }
        return lf < 0 ? -1 : lf + 2;
    }

    /** The line break before the next boundary belongs to the multipart framing, not to the value. */
    private static String stripLineBreak(String value) {
        if (value.endsWith("\r\n")) {
            return value.substring(0, value.length() - 2);
        }
        return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    }

    private static ApiException invalid(String why) {
        return new ApiException(400, "API_ERROR", "Invalid multipart create-job request: " + why);
    }

    private static ApiException tooLarge() {
        return new ApiException(400, "API_ERROR", "A multipart create-job request takes at most " + MAX_CONTENT_CHARACTERS
                + " characters of CSV; create the job first and PUT larger data to its contentUrl");
    }
}

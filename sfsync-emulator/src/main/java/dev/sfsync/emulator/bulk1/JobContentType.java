package dev.sfsync.emulator.bulk1;

import java.util.Locale;

/** The format of a job's batches and results; jobInfo and batchInfo answers are XML except for JSON jobs. */
enum JobContentType {
    CSV("text/csv"), JSON("application/json"), XML("application/xml");

    private final String mediaType;

    JobContentType(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    WireFormat wireFormat() {
        return this == JSON ? WireFormat.JSON : WireFormat.XML;
    }

    /** True when a request's Content-Type header names this format (or names none, which Salesforce accepts). */
    boolean accepts(String contentTypeHeader) {
        if (contentTypeHeader == null || contentTypeHeader.isBlank()) {
            return true;
        }
        String media = contentTypeHeader.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (this) {
            case CSV -> media.equals("text/csv");
            case JSON -> media.equals("application/json");
            case XML -> media.equals("application/xml") || media.equals("text/xml");
        };
    }
}

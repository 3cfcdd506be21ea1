package dev.sfsync.emulator.bulk1;

import java.util.Locale;

/**
 * How jobInfo, batchInfo and errors are written. A known job answers in its own format (JSON for JSON jobs, XML
 * otherwise); before the job is known (creating one, a bad id, a bad session) the request's Content-Type decides,
 * and XML is the default.
 */
enum WireFormat {
    XML("application/xml"), JSON("application/json");

    static final String NAMESPACE = "http://www.force.com/2009/06/asyncapi/dataload";

    private final String mediaType;

    WireFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    static WireFormat ofRequest(String contentTypeHeader) {
        return contentTypeHeader != null && contentTypeHeader.toLowerCase(Locale.ROOT).startsWith("application/json") ? JSON : XML;
    }
}

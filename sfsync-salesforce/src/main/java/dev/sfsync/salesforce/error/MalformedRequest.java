package dev.sfsync.salesforce.error;

/** The request itself is wrong (MALFORMED_QUERY, INVALID_FIELD, JSON_PARSER_ERROR …): the code or configuration must change. */
public final class MalformedRequest extends SalesforceException {
    MalformedRequest(Failure failure, Throwable cause) {
        super(failure, cause);
    }
}

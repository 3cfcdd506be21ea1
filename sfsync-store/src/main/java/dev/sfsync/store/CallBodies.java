package dev.sfsync.store;

/**
 * The request and response bodies of one logged call, as the Salesforce client's redactor left them: secrets masked,
 * cut at its preview limit with the cut said, CSV summarised by its first lines. Either may be null (no body, or a
 * call logged before bodies were kept).
 */
public record CallBodies(String request, String response) {
    public static final CallBodies NONE = new CallBodies(null, null);
}

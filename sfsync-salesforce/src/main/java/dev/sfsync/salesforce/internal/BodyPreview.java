package dev.sfsync.salesforce.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What the exchange listener is shown of a body: its first bytes, redacted, with the cut said. CSV (Bulk uploads and
 * result files, often hundreds of megabytes of customer data) is summarised by its first lines only, however large
 * the preview limit.
 */
final class BodyPreview {
    static final int CSV_PREVIEW_BYTES = 2048;

    private BodyPreview() {
    }

    /** How many bytes of a body of this content type to keep (null when unknown). */
    static int limit(String contentType, int previewBytes) {
        return isCsv(contentType) ? Math.min(previewBytes, CSV_PREVIEW_BYTES) : previewBytes;
    }

    static String text(byte[] kept, long total, String contentType, Redactor redactor) {
        String text = new String(kept, StandardCharsets.UTF_8);
        if (total <= kept.length) {
            return redactor.text(text);
        }
        if (isCsv(contentType)) {
            int lastLine = text.lastIndexOf('\n');
            String lines = lastLine < 0 ? text : text.substring(0, lastLine + 1);
            return redactor.cutText(lines) + "…[CSV of " + total + " bytes: first " + lines.lines().count() + " lines shown]";
        }
        return redactor.cutText(text) + "…[" + total + " bytes in all, first " + kept.length + " shown]";
    }

    static boolean isCsv(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/csv");
    }
}

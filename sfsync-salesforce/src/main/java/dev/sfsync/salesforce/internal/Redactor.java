package dev.sfsync.salesforce.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from anything the client shows. Secrets are found by where they are (form fields and query
 * parameters, JSON keys, XML elements such as SOAP's sessionId, headers, "Bearer ..." text, all known to carry tokens
 * and passwords), by their shape (Salesforce session ids and access tokens, refresh tokens, JWTs), and by value: every
 * token and secret the client holds, masked where it stands as a whole value, not where it is only part of a longer
 * word (a password "emulator" leaves "admin@emulator.example" alone, but not {@code "emulator"} or "is emulator.").
 * A URL's or path's separators end a value: a secret is masked as a path segment ({@code /SECRET/}) and as a URL's
 * password ({@code user:SECRET@host}); after an {@code @} stands a host, which a secret's word may only be part of.
 */
public final class Redactor {
    public static final String MASK = "[REDACTED]";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-sfdc-session", "cookie", "set-cookie");
    private static final String SECRET_NAMES = "access_token|refresh_token|client_secret|password|assertion|code|code_verifier|token"
            + "|id_token|sessionId|session_id|client_assertion";
    private static final Pattern FORM_FIELD = Pattern.compile("(?<=^|[?&])(" + SECRET_NAMES + ")=[^&#\\s]*");
    private static final Pattern JSON_FIELD = Pattern.compile("(\"(?:" + SECRET_NAMES + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern XML_ELEMENT = Pattern.compile("(<(?:\\w+:)?(sessionId|password|token)>)[^<]*(</)");
    /** An Authorization header's value echoed in text (an error message, a log line). */
    private static final Pattern AUTHORIZATION_VALUE = Pattern.compile("(?i)\\b(Bearer|OAuth)\\s+[A-Za-z0-9!._~+/=-]{8,}");
    /**
     * Salesforce session ids and access tokens (org id, '!', the rest), refresh tokens (5Aep...) and JWTs (three
     * base64url parts, the first two JSON objects), wherever they are.
     */
    private static final Pattern TOKEN_SHAPES = Pattern.compile("(?<![A-Za-z0-9])(?:00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{9,}[A-Za-z0-9_]"
            + "|5Aep[A-Za-z0-9._]{39,}[A-Za-z0-9_]|eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*)");
    /** A secret value a preview cut off before its closing quote or tag: the part that is there is still a secret. */
    private static final Pattern OPEN_JSON_FIELD = Pattern.compile("(\"(?:" + SECRET_NAMES + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\\\\?$");
    private static final Pattern OPEN_XML_ELEMENT = Pattern.compile("(<(?:\\w+:)?(?:sessionId|password|token)>)[^<]*$");
    /**
     * Characters that join a value into a longer word (a host or file name, an encoded or dotted token). A URL's and a
     * path's separators ({@code / : ? # & =}) do not: what stands between them is a value of its own.
     */
    private static final String JOINING = "._-+%~!$";
    /** Before a value, an {@code @} makes it a host name (an e-mail address's, a URL's), not a value of its own. */
    private static final String JOINING_BEFORE = JOINING + "@";
    /** Punctuation that may end a sentence right after a secret without being part of it. */
    private static final String SENTENCE_END = ".!";
    /**
     * Text each pattern's every match holds, looked for first: a body of records (REST writes log two of 200 records
     * each a call) holds none of it, and a plain search costs a small part of a pattern tried at every position.
     */
    private static final String[] QUOTED_NAMES = java.util.Arrays.stream(SECRET_NAMES.split("\\|")).map(n -> "\"" + n + "\"").toArray(String[]::new);
    private static final String[] XML_NAMES = {"sessionId>", "password>", "token>"};
    private static final String[] TOKEN_STARTS = {"00D", "5Aep", "eyJ"};
    private static final int SHORTEST_SECRET = 8;
    private static final int SHORTEST_SECRET_PREFIX = 4;

    private final Set<String> knownSecrets = ConcurrentHashMap.newKeySet();

    /**
     * Masks this value wherever it stands as a whole value from now on (tokens as they are issued, secrets as they are
     * configured), also in its URL-encoded and JSON-escaped forms.
     */
    public void remember(String secret) {
        if (secret != null && secret.length() >= SHORTEST_SECRET) {
            knownSecrets.add(secret);
            knownSecrets.add(java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8));
            knownSecrets.add(secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        }
    }

    public String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text.indexOf('=') < 0 ? text : FORM_FIELD.matcher(text).replaceAll("$1=" + MASK);
        if (containsAny(out, QUOTED_NAMES)) {
            out = JSON_FIELD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
        }
        if (containsAny(out, XML_NAMES)) {
            out = XML_ELEMENT.matcher(out).replaceAll("$1" + MASK + "$3");
        }
        if (containsIgnoringCase(out, "bearer") || containsIgnoringCase(out, "oauth")) {
            out = AUTHORIZATION_VALUE.matcher(out).replaceAll("$1 " + MASK);
        }
        if (containsAny(out, TOKEN_STARTS)) {
            out = TOKEN_SHAPES.matcher(out).replaceAll(MASK);
        }
        for (String secret : knownSecrets) {
            out = maskWhole(out, secret);
        }
        return out;
    }

    /**
     * As {@link #text}, for a terminal or a page: control characters but line breaks and tabs are dropped too, so a
     * body cannot move the cursor, recolour or retitle a terminal (escape sequences) or hide text.
     */
    public String forDisplay(String text) {
        String out = text(text);
        if (out == null || out.isEmpty()) {
            return out;
        }
        StringBuilder shown = new StringBuilder(out.length());
        out.codePoints().filter(c -> c == '\n' || c == '\t' || !(Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT))
                .forEach(shown::appendCodePoint);
        return shown.toString();
    }

    private static boolean containsAny(String text, String[] parts) {
        for (String part : parts) {
            if (text.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code part} (lower-case ASCII) is in the text in any case: at least wherever an ASCII-case-blind pattern finds it. */
    private static boolean containsIgnoringCase(String text, String part) {
        char first = part.charAt(0);
        char upper = Character.toUpperCase(first);
        for (int at = 0; at <= text.length() - part.length(); at++) {
            char c = text.charAt(at);
            if ((c == first || c == upper) && text.regionMatches(true, at, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    /** The secret masked where it stands alone: nothing that joins words touches it on either side. */
    private static String maskWhole(String text, String secret) {
        int at = text.indexOf(secret);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (; at >= 0; at = text.indexOf(secret, at + 1)) {
            int end = at + secret.length();
            if (at < copied || !standsAlone(text, at, end)) {
                continue;
            }
            out.append(text, copied, at).append(MASK);
            copied = end;
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean standsAlone(String text, int start, int end) {
        if (start > 0 && joinsBefore(text.charAt(start - 1))) {
            return false;
        }
        if (end == text.length() || !joins(text.charAt(end))) {
            return true;
        }
        return SENTENCE_END.indexOf(text.charAt(end)) >= 0 && (end + 1 == text.length() || !joins(text.charAt(end + 1)));
    }

    private static boolean joins(char c) {
        return Character.isLetterOrDigit(c) || JOINING.indexOf(c) >= 0;
    }

    private static boolean joinsBefore(char c) {
        return Character.isLetterOrDigit(c) || JOINING_BEFORE.indexOf(c) >= 0;
    }

    /**
     * Like {@link #text} for a body cut at a preview limit: a secret the cut left open at the end (an unclosed JSON
     * string or XML element of a secret name, or the start of a known secret) is masked too.
     */
    public String cutText(String text) {
        String out = text(text);
        if (out == null || out.isEmpty()) {
            return out;
        }
        if (containsAny(out, QUOTED_NAMES)) {
            out = OPEN_JSON_FIELD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK));
        }
        if (containsAny(out, XML_NAMES)) {
            out = OPEN_XML_ELEMENT.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        }
        for (String secret : knownSecrets) {
            for (int length = secret.length() - 1; length >= SHORTEST_SECRET_PREFIX; length--) {
                int start = out.length() - length;
                if (out.endsWith(secret.substring(0, length)) && (start == 0 || !joinsBefore(out.charAt(start - 1)))) {
                    out = out.substring(0, start) + MASK;
                    break;
                }
            }
        }
        return out;
    }

    public URI uri(URI uri) {
        String raw = uri.toString();
        String redacted = text(raw);
        return redacted.equals(raw) ? uri : URI.create(redacted.replace(MASK, "REDACTED"));
    }

    public Map<String, List<String>> headers(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                out.put(name, List.of(MASK));
            } else {
                List<String> cleaned = new ArrayList<>(values.size());
                values.forEach(v -> cleaned.add(text(v)));
                out.put(name, cleaned);
            }
        });
        return out;
    }
}

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
 * Removes secrets from anything the client shows: by name (form fields, JSON keys, XML elements and headers known to
 * carry tokens and passwords) and by value (every token and secret the client currently holds, wherever it appears).
 */
public final class Redactor {
    public static final String MASK = "[REDACTED]";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-sfdc-session", "cookie", "set-cookie");
    private static final String SECRET_NAMES = "access_token|refresh_token|client_secret|password|assertion|code|code_verifier|token"
            + "|id_token|sessionId|session_id|client_assertion";
    private static final Pattern FORM_FIELD = Pattern.compile("(?<=^|[?&])(" + SECRET_NAMES + ")=[^&#\\s]*");
    private static final Pattern JSON_FIELD = Pattern.compile("(\"(?:" + SECRET_NAMES + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern XML_ELEMENT = Pattern.compile("(<(?:\\w+:)?(sessionId|password|token)>)[^<]*(</)");
    /** A secret value a preview cut off before its closing quote or tag: the part that is there is still a secret. */
    private static final Pattern OPEN_JSON_FIELD = Pattern.compile("(\"(?:" + SECRET_NAMES + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\\\\?$");
    private static final Pattern OPEN_XML_ELEMENT = Pattern.compile("(<(?:\\w+:)?(?:sessionId|password|token)>)[^<]*$");
    private static final int SHORTEST_SECRET = 8;
    private static final int SHORTEST_SECRET_PREFIX = 4;

    private final Set<String> knownSecrets = ConcurrentHashMap.newKeySet();

    /** Masks this value wherever it appears from now on (tokens as they are issued, secrets as they are configured). */
    public void remember(String secret) {
        if (secret != null && secret.length() >= SHORTEST_SECRET) {
            knownSecrets.add(secret);
        }
    }

    public String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = FORM_FIELD.matcher(text).replaceAll("$1=" + MASK);
        out = JSON_FIELD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
        out = XML_ELEMENT.matcher(out).replaceAll("$1" + MASK + "$3");
        for (String secret : knownSecrets) {
            out = out.replace(secret, MASK);
        }
        return out;
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
        out = OPEN_JSON_FIELD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK));
        out = OPEN_XML_ELEMENT.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        for (String secret : knownSecrets) {
            for (int length = secret.length() - 1; length >= SHORTEST_SECRET_PREFIX; length--) {
                if (out.endsWith(secret.substring(0, length))) {
                    out = out.substring(0, out.length() - length) + MASK;
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

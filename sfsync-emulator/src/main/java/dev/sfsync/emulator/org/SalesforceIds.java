package dev.sfsync.emulator.org;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real-shaped record ids: a 3-character key prefix, a 2-character pod, a reserved '0', a 9-character base-62
 * counter, and the 3-character case-safe suffix Salesforce appends to make the 18-character form.
 */
public final class SalesforceIds {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final String POD = "8d";

    private final AtomicLong counter;

    public SalesforceIds(long start) {
        this.counter = new AtomicLong(start);
    }

    public String next(String keyPrefix) {
        return to18(keyPrefix + POD + "0" + base62(counter.incrementAndGet(), 9));
    }

    /** The 18-character form of a 15- or 18-character id, or empty when the text is not shaped like an id. */
    public static Optional<String> normalize(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18)) {
            return Optional.empty();
        }
        for (int i = 0; i < id.length(); i++) {
            if (BASE62.indexOf(id.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        String full = to18(id.substring(0, 15));
        if (id.length() == 18 && !full.substring(15).equalsIgnoreCase(id.substring(15))) {
            return Optional.empty();
        }
        return Optional.of(full);
    }

    public static String to18(String id15) {
        StringBuilder out = new StringBuilder(id15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            out.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return out.toString();
    }

    public static String base62(long value, int width) {
        char[] digits = new char[width];
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (rest % 62));
            rest /= 62;
        }
        return new String(digits);
    }
}

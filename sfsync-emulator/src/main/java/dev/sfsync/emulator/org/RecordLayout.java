package dev.sfsync.emulator.org;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The field names of a record version, in the order they were set, shared by every version with the same names: a
 * million records loaded by one job hold one layout and an array of values each, not a hash map with an entry per
 * field. Keeps free text as Latin-1 bytes (a String costs 24 bytes more) and small decimals as one long, and gives
 * them back equal to what was stored.
 */
final class RecordLayout {
    private final String[] names;
    private final Map<String, Integer> positions;
    private final boolean[] freeText;
    private final int isDeleted;

    RecordLayout(String[] names, ObjectSchema schema) {
        this.names = names;
        this.positions = HashMap.newHashMap(names.length);
        this.freeText = new boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            positions.put(name, i);
            freeText[i] = schema.field(name).filter(f -> f.name().equals(name) && isFreeText(f.type())).isPresent();
        }
        this.isDeleted = position("IsDeleted");
    }

    int size() {
        return names.length;
    }

    String name(int position) {
        return names[position];
    }

    /** The position of a field by its exact name, -1 when the layout has none. */
    int position(Object name) {
        Integer position = positions.get(name);
        return position == null ? -1 : position;
    }

    int isDeletedPosition() {
        return isDeleted;
    }

    boolean sameNames(Map<String, Object> values) {
        if (values.size() != names.length) {
            return false;
        }
        int i = 0;
        for (String name : values.keySet()) {
            if (!name.equals(names[i++])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value as kept: free text that is all Latin-1 as its bytes, a decimal of up to 55 bits and scale 0-255 as
     * one long (24 bytes instead of 40), anything else as it is.
     */
    Object pack(int position, Object value) {
        if (freeText[position] && value instanceof String text && isLatin1(text)) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (value instanceof BigDecimal decimal) {
            return SmallDecimal.of(decimal);
        }
        return value;
    }

    static Object unpack(Object cell) {
        if (cell instanceof byte[] latin1) {
            return new String(latin1, StandardCharsets.ISO_8859_1);
        }
        return cell instanceof SmallDecimal decimal ? decimal.value() : cell;
    }

    /** A decimal whose unscaled value and scale fit one long: the unscaled value shifted left by 8, the scale below. */
    private record SmallDecimal(long packed) {
        private static final long LIMIT = 1L << 55;

        static Object of(BigDecimal decimal) {
            int scale = decimal.scale();
            if (scale < 0 || scale > 0xff || decimal.precision() > 18) {
                return decimal;
            }
            long unscaled = decimal.unscaledValue().longValue();
            return unscaled >= LIMIT || unscaled <= -LIMIT ? decimal : new SmallDecimal(unscaled << 8 | scale);
        }

        BigDecimal value() {
            return BigDecimal.valueOf(packed >> 8, (int) (packed & 0xff));
        }
    }

    private static boolean isFreeText(FieldType type) {
        return switch (type) {
            case STRING, TEXTAREA, EMAIL, PHONE, URL -> true;
            default -> false;
        };
    }

    private static boolean isLatin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xff) {
                return false;
            }
        }
        return true;
    }
}

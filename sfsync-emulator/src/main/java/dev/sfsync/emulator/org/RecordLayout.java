package dev.sfsync.emulator.org;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The field names of a record version, in the order they were set, shared by every version with the same names: a
 * million records loaded by one job hold one layout and an array of values each, not a hash map with an entry per
 * field. Knows which positions hold free text, kept as Latin-1 bytes (a String costs 24 bytes more), and gives those
 * back as the same String.
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

    /** The value as kept: free text that is all Latin-1 as its bytes, anything else as it is. */
    Object pack(int position, Object value) {
        if (freeText[position] && value instanceof String text && isLatin1(text)) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        return value;
    }

    static Object unpack(Object cell) {
        return cell instanceof byte[] latin1 ? new String(latin1, StandardCharsets.ISO_8859_1) : cell;
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

package dev.sfsync.engine.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reads of YAML values that never throw: each wrong value adds a located {@link ConfigProblem} with a fix and
 * yields empty, so one pass over the file reports everything.
 */
final class YamlFields {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    private final LocatedYaml yaml;
    private final List<ConfigProblem> problems = new ArrayList<>();

    YamlFields(LocatedYaml yaml) {
        this.yaml = yaml;
        problems.addAll(yaml.syntaxProblems());
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    void problem(String path, String message, String fix) {
        problems.add(yaml.problem(path, message, fix));
    }

    static String path(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** Reports keys outside {@code allowed}, suggesting the nearest allowed one. */
    void onlyKeys(JsonNode object, String path, Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!allowed.contains(key)) {
                problem(path(path, key), "unknown key '" + key + "'", NearestName.fix(key, sorted(allowed), "key"));
            }
        }
    }

    /** The entries of a name → definition map, checking that each name is usable in commands and each value is a mapping. */
    List<Map.Entry<String, JsonNode>> namedSections(JsonNode root, String key, String what) {
        JsonNode section = root.path(key);
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (section.isMissingNode() || section.isNull()) {
            return out;
        }
        if (!section.isObject()) {
            problem(key, key + " must be a mapping of " + what + " names to their definitions",
                    "write e.g. '" + key + ":' then, indented, 'my_" + what + ":' and its keys");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = path(key, entry.getKey());
            if (!NAME.matcher(entry.getKey()).matches()) {
                problem(path, "'" + entry.getKey() + "' is not a valid " + what + " name",
                        "use letters, digits, '_' and '-', starting with a letter (at most 64 characters)");
            }
            if (!entry.getValue().isObject()) {
                problem(path, "the " + what + " '" + entry.getKey() + "' must be a mapping of keys", "indent its keys under its name");
                continue;
            }
            out.add(entry);
        }
        return out;
    }

    Optional<String> text(JsonNode object, String key, String path, String fixWhenMissing) {
        JsonNode value = object.path(key);
        if (value.isMissingNode() || value.isNull()) {
            if (fixWhenMissing != null) {
                problem(path(path, key), "missing", fixWhenMissing);
            }
            return Optional.empty();
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            problem(path(path, key), "must be a non-empty text value", fixWhenMissing == null ? "remove it or give it a value" : fixWhenMissing);
            return Optional.empty();
        }
        return Optional.of(value.asText().trim());
    }

    <E extends Enum<E>> Optional<E> choice(JsonNode object, String key, String path, Class<E> type, E defaultValue) {
        Optional<String> raw = text(object, key, path, defaultValue == null ? "set it to one of " + names(type) : null);
        if (raw.isEmpty()) {
            return Optional.ofNullable(defaultValue);
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(raw.get().replace('-', '_'))) {
                return Optional.of(constant);
            }
        }
        problem(path(path, key), "unknown value '" + raw.get() + "'", NearestName.fix(raw.get(), names(type), "value"));
        return Optional.empty();
    }

    Optional<Integer> integer(JsonNode object, String key, String path, int min, int max) {
        JsonNode value = object.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            problem(path(path, key), "must be a whole number, not '" + value.asText() + "'", "write a number from " + min + " to " + max);
            return Optional.empty();
        }
        int number = value.intValue();
        if (number < min || number > max) {
            problem(path(path, key), number + " is out of range", "use a number from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(number);
    }

    /** A secret must be a reference; a value written inline is refused (and not echoed back in the message). */
    Optional<SecretRef> secret(JsonNode object, String key, String path) {
        Optional<String> raw = text(object, key, path, null);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<SecretRef> reference = SecretRef.parse(raw.get());
        if (reference.isEmpty()) {
            problem(path(path, key), "secrets are never written in the project file",
                    "reference it instead: '${env:VARIABLE}' (an environment variable) or '${file:path/to/secret}'");
        }
        return reference;
    }

    /** A user name may be written plainly or referenced; it is not a secret, but teams often keep it beside one. */
    Optional<SecretRef> secretOrPlain(JsonNode object, String key, String path) {
        Optional<String> raw = text(object, key, path, null);
        return raw.map(value -> SecretRef.parse(value).orElse(new SecretRef(SecretRef.Kind.PLAIN, value)));
    }

    /** A text value or a list of text values, e.g. {@code primary_key: id} or {@code primary_key: [org_id, id]}. */
    List<String> textList(JsonNode object, String key, String path, String fixWhenMissing) {
        JsonNode value = object.path(key);
        List<String> out = new ArrayList<>();
        if (value.isTextual() && !value.asText().isBlank()) {
            out.add(value.asText().trim());
        } else if (value.isArray() && !value.isEmpty()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (item.isValueNode() && !item.asText().isBlank()) {
                    out.add(item.asText().trim());
                } else {
                    problem(path(path, key) + "[" + i + "]", "must be a column name", "write the column's name");
                }
            }
        } else if (fixWhenMissing != null) {
            problem(path(path, key), value.isMissingNode() ? "missing" : "must be a name or a list of names", fixWhenMissing);
        }
        return out;
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}

package dev.sfsync.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a Jackson tree plus the line and column of every key, so configuration problems can point at
 * the exact spot in the file. Jackson's tree loses locations and silently keeps the last of duplicate keys; this
 * reader keeps both facts.
 */
public final class LocatedYaml implements ProblemLocator {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String file;
    private final JsonNode root;
    private final Map<String, int[]> locations;
    private final List<ConfigProblem> problems;

    private LocatedYaml(String file, JsonNode root, Map<String, int[]> locations, List<ConfigProblem> problems) {
        this.file = file;
        this.root = root;
        this.locations = locations;
        this.problems = problems;
    }

    /** Parses the document; syntax errors and duplicate keys come back as problems, never as exceptions. */
    public static LocatedYaml parse(String file, Reader reader) {
        Map<String, int[]> locations = new HashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        JsonNode root = JsonNodeFactory.instance.objectNode();
        try (JsonParser parser = YAML.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first != null) {
                root = read(parser, "", file, locations, problems);
            }
        } catch (IOException e) {
            JsonLocation at = e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? p.getLocation() : null;
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            problems.add(new ConfigProblem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "(file)",
                    "not valid YAML: " + firstLine(message), "check indentation and quoting near that line"));
        }
        return new LocatedYaml(file, root, locations, problems);
    }

    private static JsonNode read(JsonParser parser, String path, String file, Map<String, int[]> locations,
                                 List<ConfigProblem> problems) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation at = parser.currentTokenLocation();
                String childPath = path.isEmpty() ? key : path + "." + key;
                parser.nextToken();
                JsonNode value = read(parser, childPath, file, locations, problems);
                if (object.has(key)) {
                    problems.add(new ConfigProblem(file, at.getLineNr(), at.getColumnNr(), childPath,
                            "'" + key + "' appears twice", "keep one of them; YAML would silently use the last"));
                }
                locations.put(childPath, new int[] {at.getLineNr(), at.getColumnNr()});
                object.set(key, value);
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonLocation at = parser.currentTokenLocation();
                String childPath = path + "[" + index + "]";
                locations.put(childPath, new int[] {at.getLineNr(), at.getColumnNr()});
                array.add(read(parser, childPath, file, locations, problems));
                index++;
            }
            return array;
        }
        return switch (token) {
            case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
            case VALUE_TRUE, VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(parser.getBooleanValue());
            case VALUE_NUMBER_INT -> JsonNodeFactory.instance.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(parser.getDecimalValue());
            default -> JsonNodeFactory.instance.textNode(parser.getText());
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    public String file() { return file; }
    public JsonNode root() { return root; }
    public List<ConfigProblem> syntaxProblems() { return List.copyOf(problems); }

    /** A problem at a path, located at that path's key, or at its nearest located parent. */
    @Override
    public ConfigProblem problem(String path, String message, String fix) {
        String probe = path;
        while (!probe.isEmpty()) {
            int[] at = locations.get(probe);
            if (at != null) {
                return new ConfigProblem(file, at[0], at[1], path, message, fix);
            }
            int cut = Math.max(probe.lastIndexOf('.'), probe.lastIndexOf('['));
            probe = cut < 0 ? "" : probe.substring(0, cut);
        }
        return new ConfigProblem(file, 0, 0, path, message, fix);
    }
}

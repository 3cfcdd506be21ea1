package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;
import dev.sfsync.emulator.org.ObjectPermission;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.soql.SoqlProjector;
import dev.sfsync.emulator.soql.SoqlResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SOSL search: {@code FIND {terms} [IN ALL|NAME|EMAIL|PHONE FIELDS] [RETURNING Object[(fields [WHERE ...] [ORDER BY ...]
 * [LIMIT n])], ...] [LIMIT n]}. Terms are words or "quoted phrases" (all must match), alternatives joined by OR, with
 * the * and ? wildcards; a word matches whole words of a searched field, case-insensitively, as Salesforce's index does.
 * Each RETURNING clause runs as a SOQL query whose records are then kept when they match the terms.
 */
final class SoslSearch {
    private static final Pattern FIND = Pattern.compile("(?is)\\s*FIND\\s*\\{((?:\\\\.|[^}])*)}\\s*(?:IN\\s+(ALL|NAME|EMAIL|PHONE|SIDEBAR)\\s+FIELDS\\s*)?"
            + "(?:RETURNING\\s+(.*?))?\\s*(?:LIMIT\\s+(\\d+))?\\s*(?:WITH\\s+.*)?");
    private static final Pattern OBJECT = Pattern.compile("(?is)\\s*([A-Za-z0-9_]+)\\s*(?:\\((.*?)\\))?\\s*(?:,|$)");
    private static final Pattern CLAUSE = Pattern.compile("(?is)^(.*?)(\\s+(?:WHERE|ORDER\\s+BY|LIMIT|OFFSET)\\s.*)?$");
    private static final Pattern LIMIT = Pattern.compile("(?is)\\s+LIMIT\\s+(\\d+)\\s*$");
    static final int DEFAULT_LIMIT = 2000;

    /** One object to return: its SOQL field list and the clauses after it (WHERE, ORDER BY, LIMIT). */
    record Returning(String object, String fields, String clauses) {
    }

    private final List<List<Pattern>> alternatives;
    private final String scope;
    private final List<Returning> returning;
    private final int limit;

    SoslSearch(List<List<Pattern>> alternatives, String scope, List<Returning> returning, int limit) {
        this.alternatives = alternatives;
        this.scope = scope;
        this.returning = returning;
        this.limit = limit;
    }

    static SoslSearch parse(String sosl) {
        Matcher m = FIND.matcher(sosl);
        if (!m.matches()) {
            throw new ApiException(400, "MALFORMED_SEARCH", "Invalid SOSL: the emulator reads FIND {terms} [IN ALL|NAME|EMAIL|PHONE FIELDS] "
                    + "[RETURNING Object(fields WHERE ... LIMIT n), ...] [LIMIT n]; got: " + sosl);
        }
        List<Returning> returning = new ArrayList<>();
        if (m.group(3) != null) {
            Matcher object = OBJECT.matcher(m.group(3));
            int at = 0;
            while (at < m.group(3).length() && object.find(at) && object.start() == at) {
                String inside = object.group(2) == null ? "Id" : object.group(2).trim();
                Matcher clause = CLAUSE.matcher(inside);
                clause.matches();
                returning.add(new Returning(object.group(1), clause.group(1).isBlank() ? "Id" : clause.group(1).trim(),
                        clause.group(2) == null ? "" : clause.group(2)));
                at = object.end();
                if (object.end() == object.start()) {
                    break;
                }
            }
        }
        int limit = m.group(4) == null ? DEFAULT_LIMIT : Math.min(DEFAULT_LIMIT, Integer.parseInt(m.group(4)));
        return new SoslSearch(terms(m.group(1)), m.group(2) == null ? "ALL" : m.group(2).toUpperCase(Locale.ROOT), returning, limit);
    }

    /** The search's records as the search resource lists them: one entry per record, objects in RETURNING order. */
    List<Map<String, Object>> run(ApiContext api) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (returning.isEmpty()) {
            searchEverything(api, out);
            return out;
        }
        List<Returning> objects = returning;
        for (Returning object : objects) {
            int objectLimit = Integer.MAX_VALUE;
            String clauses = object.clauses();
            Matcher limitClause = LIMIT.matcher(clauses);
            if (limitClause.find()) {
                objectLimit = Integer.parseInt(limitClause.group(1));
                clauses = clauses.substring(0, limitClause.start());
            }
            SoqlResult result = QueryEndpoint.run(api, "SELECT " + object.fields() + " FROM " + object.object() + clauses, false);
            SoqlProjector projector = new SoqlProjector(result.plan());
            SoqlProjector.Renderer renderer = QueryEndpoint.renderer(api);
            int taken = 0;
            for (StoredRecord record : result.records()) {
                if (out.size() >= limit || taken >= objectLimit) {
                    break;
                }
                if (matches(result.plan().object(), record)) {
                    out.add(projector.json(record, renderer));
                    taken++;
                }
            }
        }
        return out;
    }

    /** Without RETURNING: every searchable object the caller can read, each match as attributes and Id. */
    private void searchEverything(ApiContext api, List<Map<String, Object>> out) {
        for (ObjectSchema schema : api.org().schemas()) {
            boolean named = schema.fields().stream().anyMatch(FieldSchema::nameField);
            if (!named || schema.platformEvent() || !api.profile().can(schema.name(), ObjectPermission.READ)) {
                continue;
            }
            for (StoredRecord record : api.org().store(schema.name()).map(RecordStore::all).orElse(List.of())) {
                if (out.size() >= limit) {
                    return;
                }
                if (!record.isDeleted() && matches(schema, record)) {
                    Map<String, Object> entry = new java.util.LinkedHashMap<>();
                    entry.put("attributes", RecordJson.attributes(api, schema.name(), record.id()));
                    entry.put("Id", record.id());
                    out.add(entry);
                }
            }
        }
    }

    private boolean matches(ObjectSchema schema, StoredRecord record) {
        List<String> texts = new ArrayList<>();
        for (FieldSchema field : schema.fields()) {
            if (searched(field)) {
                Object value = record.values().get(field.name());
                if (value != null) {
                    texts.add(value.toString());
                }
            }
        }
        for (List<Pattern> all : alternatives) {
            if (all.stream().allMatch(term -> texts.stream().anyMatch(text -> term.matcher(text).find()))) {
                return true;
            }
        }
        return false;
    }

    private boolean searched(FieldSchema field) {
        return switch (scope) {
            case "NAME" -> field.nameField();
            case "EMAIL" -> field.type() == FieldType.EMAIL;
            case "PHONE" -> field.type() == FieldType.PHONE;
            default -> field.type().isText() && field.type() != FieldType.PICKLIST;
        };
    }

    /** "a b" OR c → [[a b], [c]]; each term a whole-word pattern with * and ? as wildcards. */
    static List<List<Pattern>> terms(String text) {
        String unescaped = text.replaceAll("\\\\(.)", "$1").trim();
        if (unescaped.isEmpty()) {
            throw new ApiException(400, "MALFORMED_SEARCH", "search term must be longer than one character");
        }
        List<List<Pattern>> alternatives = new ArrayList<>();
        for (String alternative : unescaped.split("(?i)\\s+OR\\s+")) {
            List<Pattern> terms = new ArrayList<>();
            Matcher token = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(alternative.replaceAll("(?i)\\s+AND\\s+", " "));
            while (token.find()) {
                String term = token.group(1) != null ? token.group(1) : token.group(2);
                if (!term.isBlank()) {
                    terms.add(wordPattern(term));
                }
            }
            alternatives.add(terms);
        }
        return alternatives;
    }

    private static Pattern wordPattern(String term) {
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (char c : term.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[\\p{L}\\p{N}]*");
                case '?' -> regex.append("[\\p{L}\\p{N}]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.append("(?![\\p{L}\\p{N}])").toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}

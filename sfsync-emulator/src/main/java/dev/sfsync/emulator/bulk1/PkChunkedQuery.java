package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.org.StoredRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a query batch of a PK-chunked job into the queries of its chunks: the object's Ids in order (deleted
 * records' Ids counted too, as Salesforce counts them), from {@code startRow} or the first, cut every
 * {@code chunkSize} Ids into {@code Id >= 'a' AND Id < 'b'} ranges added to the query's WHERE clause.
 */
final class PkChunkedQuery {
    private static final Pattern WHERE = Pattern.compile("(?i)\\sWHERE\\s");
    private static final Pattern NOT_CHUNKABLE = Pattern.compile("(?i)\\b(ORDER\\s+BY|LIMIT|OFFSET|GROUP\\s+BY)\\b|\\(\\s*SELECT\\b");
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private PkChunkedQuery() {
    }

    /** The chunks' queries in Id order; none when no Id is at or after the start row. */
    static List<String> split(Org org, String object, String soql, PkChunking chunking) throws MalformedBatch {
        if (!PkChunking.supports(object)) {
            throw new MalformedBatch("PK chunking is not supported for " + object + "; it chunks " + String.join(", ", PkChunking.STANDARD_OBJECTS.stream()
                    .sorted().toList()) + " and custom objects: create the job without the " + PkChunking.HEADER + " header");
        }
        if (NOT_CHUNKABLE.matcher(soql).find()) {
            throw new MalformedBatch("PK chunking works only with queries without subqueries or clauses other than WHERE (no ORDER BY, LIMIT,"
                    + " OFFSET or GROUP BY): remove them, or create the job without the " + PkChunking.HEADER + " header");
        }
        List<String> ids = org.store(object).map(store -> store.all().stream().map(StoredRecord::id)
                .filter(id -> chunking.startRow() == null || id.compareTo(chunking.startRow()) >= 0).sorted().toList()).orElse(List.of());
        List<String> queries = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += chunking.chunkSize()) {
            String lower = ids.get(from);
            String upper = from + chunking.chunkSize() < ids.size() ? ids.get(from + chunking.chunkSize()) : after(ids.getLast());
            queries.add(withRange(soql, lower, upper));
        }
        return queries;
    }

    private static String withRange(String soql, String lower, String upper) {
        String range = "Id >= '" + lower + "' AND Id < '" + upper + "'";
        Matcher where = WHERE.matcher(soql);
        if (!where.find()) {
            return soql + " WHERE " + range;
        }
        return soql.substring(0, where.end()) + range + " AND (" + soql.substring(where.end()) + ")";
    }

    /** The Id just after {@code id}: its 15-character form counted up by one in base 62. */
    private static String after(String id) {
        char[] digits = id.substring(0, 15).toCharArray();
        for (int i = digits.length - 1; i >= 0; i--) {
            int digit = BASE62.indexOf(digits[i]);
            if (digit < BASE62.length() - 1) {
                digits[i] = BASE62.charAt(digit + 1);
                break;
            }
            digits[i] = BASE62.charAt(0);
        }
        return SalesforceIds.to18(new String(digits));
    }
}

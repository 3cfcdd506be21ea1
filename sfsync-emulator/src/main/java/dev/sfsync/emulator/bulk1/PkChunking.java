package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.org.SalesforceIds;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A query job's {@code Sforce-Enable-PKChunking} header: {@code TRUE}, {@code FALSE}, or options separated by
 * semicolons ({@code chunkSize=50000; startRow=001...}), as Salesforce documents it. Chunks hold 100,000 Ids by
 * default and 250,000 at most; {@code parent} names the parent object of a sharing or history table.
 */
record PkChunking(int chunkSize, String startRow, String parent) {
    static final String HEADER = "Sforce-Enable-PKChunking";
    static final int DEFAULT_CHUNK_SIZE = 100_000;
    static final int MAX_CHUNK_SIZE = 250_000;
    /** The standard objects Salesforce chunks; every custom object can be chunked too. */
    static final Set<String> STANDARD_OBJECTS = Set.of("account", "campaign", "campaignmember", "case", "contact", "lead", "loginhistory",
            "opportunity", "task", "user");

    /** Empty when the header is absent or FALSE. */
    static Optional<PkChunking> parse(String header) {
        if (header == null || header.isBlank() || header.strip().equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        if (header.strip().equalsIgnoreCase("true")) {
            return Optional.of(new PkChunking(DEFAULT_CHUNK_SIZE, null, null));
        }
        int chunkSize = DEFAULT_CHUNK_SIZE;
        String startRow = null;
        String parent = null;
        for (String option : header.split(";")) {
            String[] pair = option.strip().split("=", 2);
            if (pair.length != 2) {
                throw invalid(header);
            }
            String value = pair[1].strip();
            switch (pair[0].strip().toLowerCase(Locale.ROOT)) {
                case "chunksize" -> chunkSize = chunkSize(value, header);
                case "startrow" -> startRow = SalesforceIds.normalize(value).orElseThrow(() -> invalid(header));
                case "parent" -> parent = value;
                default -> throw invalid(header);
            }
        }
        return Optional.of(new PkChunking(chunkSize, startRow, parent));
    }

    private static int chunkSize(String value, String header) {
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= MAX_CHUNK_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below with the header
        }
        throw invalid(header);
    }

    private static AsyncApiException invalid(String header) {
        return new AsyncApiException(ExceptionCode.ClientInputError, HEADER + " doesn't have a valid value: '" + header
                + "'; send TRUE, FALSE, or options separated by semicolons: chunkSize=N (1 to " + MAX_CHUNK_SIZE + "), startRow=ID, parent=OBJECT", 400);
    }

    static boolean supports(String object) {
        return STANDARD_OBJECTS.contains(object.toLowerCase(Locale.ROOT)) || object.endsWith("__c");
    }
}

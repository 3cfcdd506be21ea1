package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.http.Exchange;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * {@code If-Modified-Since} on the resources Salesforce documents it for (describe global, sObject describe, a
 * record): 304 with no body when nothing changed since the given time, else the answer with its Last-Modified.
 */
final class ConditionalGet {
    private ConditionalGet() {
    }

    /** True when a 304 was sent; otherwise the caller answers as usual (Last-Modified is set). */
    static boolean notModified(Exchange ex, Instant lastModified) {
        if (lastModified == null) {
            return false;
        }
        Instant seconds = lastModified.truncatedTo(ChronoUnit.SECONDS);
        ex.setHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(seconds.atZone(java.time.ZoneOffset.UTC)));
        String since = ex.header("If-Modified-Since");
        if (since == null || since.isBlank()) {
            return false;
        }
        try {
            Instant given = ZonedDateTime.parse(since.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            if (!seconds.isAfter(given)) {
                ex.send(304, null, new byte[0]);
                return true;
            }
        } catch (DateTimeParseException e) {
            // An unreadable date is ignored, as HTTP says: the full answer follows.
        }
        return false;
    }
}

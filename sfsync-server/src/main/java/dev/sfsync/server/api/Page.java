package dev.sfsync.server.api;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of a long list: {@code ?limit=} (1 to 500, default 50) and {@code ?cursor=} from the previous page's
 * {@code next_cursor}. Cursors are opaque to clients; they carry the position after the last item returned.
 */
record Page(int offset, int limit) {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    static Page of(Context ctx) {
        int limit = DEFAULT_LIMIT;
        String rawLimit = ctx.queryParam("limit");
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiProblem.badRequest("limit '" + rawLimit + "' is not a number from 1 to " + MAX_LIMIT, "pass e.g. ?limit=100, or leave it out");
            }
        }
        String cursor = ctx.queryParam("cursor");
        int offset = 0;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                if (!decoded.startsWith("o:")) {
                    throw new IllegalArgumentException(decoded);
                }
                offset = Integer.parseInt(decoded.substring(2));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("cursor '" + cursor + "' is not one this server gave", "pass the next_cursor of the previous page as it was, or leave it out for the first page");
            }
        }
        return new Page(offset, limit);
    }

    /** The page's body: {@code items} and {@code next_cursor} (null on the last page); {@code fetched} holds up to limit + 1 items. */
    <T> Map<String, Object> body(List<T> fetched) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean more = fetched.size() > limit;
        body.put("items", more ? fetched.subList(0, limit) : fetched);
        body.put("next_cursor", more ? Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + (offset + limit)).getBytes(StandardCharsets.UTF_8)) : null);
        return body;
    }

    /** A page cut from a list held whole. */
    <T> Map<String, Object> slice(List<T> all) {
        return body(all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit + 1)));
    }
}

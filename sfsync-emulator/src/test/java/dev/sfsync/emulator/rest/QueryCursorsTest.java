package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryCursorsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2024-06-15T12:00:00Z"));
    private final QueryCursors cursors = new QueryCursors(clock);

    @Test
    void cursor_ids_are_shaped_like_salesforce_query_locators() {
        assertThat(cursors.open(cursor())).matches("01g[0-9A-Za-z]{15}");
    }

    @Test
    void cursor_expires_after_fifteen_idle_minutes() {
        String id = cursors.open(cursor());
        clock.advance(Duration.ofMinutes(14));
        assertThat(cursors.use(id)).isPresent();

        clock.advance(Duration.ofMinutes(14));
        assertThat(cursors.use(id)).as("using it restarted the idle time").isPresent();

        clock.advance(Duration.ofMinutes(15));
        assertThat(cursors.use(id)).isEmpty();
    }

    @Test
    void opening_the_hundred_and_first_cursor_evicts_the_least_recently_used() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < QueryCursors.MAX_OPEN; i++) {
            ids.add(cursors.open(cursor()));
        }
        cursors.use(ids.getFirst());

        cursors.open(cursor());

        assertThat(cursors.size()).isEqualTo(QueryCursors.MAX_OPEN);
        assertThat(cursors.use(ids.getFirst())).isPresent();
        assertThat(cursors.use(ids.get(1))).isEmpty();
    }

    @Test
    void clear_drops_every_cursor() {
        String id = cursors.open(cursor());

        cursors.clear();

        assertThat(cursors.use(id)).isEmpty();
        assertThat(cursors.size()).isZero();
    }

    private static QueryCursors.Cursor cursor() {
        return new QueryCursors.Cursor(List.of(), null, 2000);
    }
}

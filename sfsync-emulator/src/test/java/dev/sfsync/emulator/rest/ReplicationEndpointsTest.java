package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.ManualClock;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.SharingModel;
import dev.sfsync.emulator.org.UserAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sfsync.emulator.soql.TestRecords.insert;
import static org.assertj.core.api.Assertions.assertThat;

/** /sobjects/X/updated/ and /deleted/, SystemModstamp ties, and org-wide defaults applied to what each user reads. */
class ReplicationEndpointsTest {
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    static final ManualClock CLOCK = new ManualClock(START);
    static Emulator emulator;
    static OrgHost host;
    Http http;
    Instant base;

    @BeforeAll
    static void start() throws Exception {
        try (var in = ReplicationEndpointsTest.class.getResourceAsStream("/test-org.yaml")) {
            emulator = Emulator.builder().org(OrgDefinitionLoader.load(in.readAllBytes(), "test-org.yaml")).clock(CLOCK).build().start();
        }
        host = emulator.host();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
        // The clock only moves forward; each test starts on a whole minute after the previous one's end.
        base = CLOCK.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        CLOCK.advance(Duration.between(CLOCK.instant(), base));
        http = Http.loggedIn(host);
    }

    /** The base time plus minutes and seconds, as the resources take it. */
    private String at(int minutes, int seconds) {
        return base.plus(Duration.ofMinutes(minutes)).plusSeconds(seconds).toString();
    }

    private String wire(int minutes) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC).format(base.plus(Duration.ofMinutes(minutes)));
    }

    private static String path(String object, String kind, String start, String end) {
        return "/services/data/v60.0/sobjects/" + object + "/" + kind + "/?start=" + URLEncoder.encode(start, StandardCharsets.UTF_8)
                + "&end=" + URLEncoder.encode(end, StandardCharsets.UTF_8);
    }

    private List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(field == null ? item.asText() : item.path(field).asText()));
        return out;
    }

    @Test
    void records_written_in_the_same_second_share_their_system_modstamp() {
        Org org = host.org();
        http.post("/services/data/v60.0/sobjects/Account", Map.of("Name", "First"));
        CLOCK.advance(Duration.ofMillis(700));
        http.post("/services/data/v60.0/sobjects/Account", Map.of("Name", "Second"));

        JsonNode records = http.get("/services/data/v60.0/query?q=" + URLEncoder.encode("SELECT SystemModstamp FROM Account", StandardCharsets.UTF_8))
                .json().path("records");
        assertThat(texts(records, "SystemModstamp")).containsExactly(wire(0), wire(0));
        assertThat(org.store("Account").orElseThrow().all()).hasSize(2);
    }

    @Test
    void updated_lists_ids_changed_in_the_window_to_the_minute_and_deleted_lists_deletions() {
        CLOCK.advance(Duration.ofMinutes(1));
        String before = insert(host.org(), "Account", "Name", "Before the window");
        CLOCK.advance(Duration.ofMinutes(5));
        String inside = insert(host.org(), "Account", "Name", "Inside");
        String gone = insert(host.org(), "Account", "Name", "Deleted");
        http.delete("/services/data/v60.0/sobjects/Account/" + gone);
        CLOCK.advance(Duration.ofMinutes(10));

        // Seconds are ignored: 10:05:59 is read as 10:05.
        JsonNode updated = http.get(path("Account", "updated", at(6, 59), at(30, 0))).json();
        assertThat(texts(updated.path("ids"), null)).containsExactly(inside).doesNotContain(before, gone);
        assertThat(updated.path("latestDateCovered").asText()).isEqualTo(wire(16));

        JsonNode deleted = http.get(path("Account", "deleted", at(6, 0), at(16, 0))).json();
        assertThat(texts(deleted.path("deletedRecords"), "id")).containsExactly(gone);
        assertThat(deleted.path("deletedRecords").path(0).path("deletedDate").asText()).isEqualTo(wire(6));
        assertThat(deleted.path("earliestDateAvailable").asText()).isEqualTo("2026-03-02T10:00:00.000+0000");
        assertThat(deleted.path("latestDateCovered").asText()).isEqualTo(wire(16));
    }

    @Test
    void a_window_starting_over_30_days_ago_or_ending_before_it_starts_is_refused() {
        CLOCK.advance(Duration.ofDays(40));
        http = Http.loggedIn(host);
        Http.Response old = http.get(path("Account", "updated", at(0, 0), at(60 * 24 * 18, 0)));
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json().path(0).path("errorCode").asText()).isEqualTo("INVALID_REPLICATION_DATE");

        Http.Response backwards = http.get(path("Account", "deleted", at(60 * 24 * 39 + 60, 0), at(60 * 24 * 39, 0)));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().path(0).path("errorCode").asText()).isEqualTo("INVALID_REPLICATION_DATE");

        Http.Response missing = http.get("/services/data/v60.0/sobjects/Account/updated/?start=" + at(60 * 24 * 39, 0));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path(0).path("errorCode").asText()).isEqualTo("MISSING_ARGUMENT");
    }

    @Test
    void a_private_org_wide_default_hides_other_owners_records_from_queries_and_replication_but_not_from_admins() {
        Org org = host.org();
        UserAccount sales = org.user("sales@test.org").orElseThrow();
        String own = insert(org, "Account", "Name", "Sales owns it", "OwnerId", sales.id());
        String other = insert(org, "Account", "Name", "Admin owns it");
        org.sharing().model("Account", SharingModel.Private);
        Http asSales = http.withToken(host.sessions().issue(sales, org.definition().connectedApps().getFirst(), "api", null).accessToken());
        String soql = "/services/data/v60.0/query?q=" + URLEncoder.encode("SELECT Id FROM Account", StandardCharsets.UTF_8);
        CLOCK.advance(Duration.ofMinutes(2));

        assertThat(texts(asSales.get(soql).json().path("records"), "Id")).containsExactly(own);
        assertThat(texts(asSales.get(path("Account", "updated", at(0, 0), at(2, 0))).json().path("ids"), null))
                .containsExactly(own);
        assertThat(texts(http.get(soql).json().path("records"), "Id")).containsExactly(own, other);

        org.sharing().model("Account", SharingModel.Read);
        assertThat(texts(asSales.get(soql).json().path("records"), "Id")).containsExactly(own, other);
    }
}

package dev.sfsync.salesforce.limits;

import dev.sfsync.salesforce.Emulated;
import dev.sfsync.salesforce.RecordedExchanges;
import dev.sfsync.salesforce.RecordingSleeper;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.error.LimitExceeded;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class QuotaTest {
    @RegisterExtension
    static final EmulatedOrg org = Emulated.org();

    private final RecordedExchanges exchanges = new RecordedExchanges();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @Test
    void usage_is_tracked_from_every_response() {
        SalesforceClient client = Emulated.builder(org, exchanges, sleeper).build();
        assertThat(client.apiUsage()).isEmpty();

        client.rest().describe("Account");
        client.rest().describe("Contact");

        assertThat(client.apiUsage()).hasValueSatisfying(u -> {
            assertThat(u.used()).isEqualTo(org.apiRequestsUsed());
            assertThat(u.max()).isEqualTo(100_000);
        });
    }

    @Test
    void the_client_refuses_to_eat_into_the_reserve_and_says_where_the_quota_stands() {
        org.dailyApiLimit(100);
        org.apiRequestsUsed(75);
        SalesforceClient client = Emulated.builder(org, exchanges, sleeper).quotaReserve(QuotaReserve.percent(20)).build();

        for (int i = 0; i < 5; i++) {
            client.rest().limits();
        }
        LimitExceeded refused = catchThrowableOfType(LimitExceeded.class, () -> client.rest().limits());

        assertThat(refused.byReserve()).isTrue();
        assertThat(refused.errorCode()).isEqualTo("QUOTA_RESERVE_REACHED");
        assertThat(refused.usage()).hasValueSatisfying(u -> assertThat(u.used()).isEqualTo(80));
        assertThat(refused.getMessage()).contains("80 of its 100", "keeps the last 20");
        assertThat(org.apiRequestsUsed()).isEqualTo(80);
    }

    @Test
    void the_orgs_limit_stops_the_call_without_retrying() {
        SalesforceClient client = Emulated.builder(org, exchanges, sleeper).build();
        client.rest().limits();
        org.dailyApiLimit(org.apiRequestsUsed());
        exchanges.clear();

        assertThatThrownBy(() -> client.rest().describe("Account"))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> {
                    assertThat(e.byReserve()).isFalse();
                    assertThat(e.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
                    assertThat(e.usage()).hasValueSatisfying(u -> assertThat(u.remaining()).isZero());
                });
        assertThat(exchanges.all()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void limits_reports_each_allowance_and_updates_the_usage() {
        SalesforceClient client = Emulated.builder(org, exchanges, sleeper).build();

        var limits = client.rest().limits();

        assertThat(limits.get("DailyApiRequests").max()).isEqualTo(100_000);
        assertThat(client.apiUsage().orElseThrow().used()).isEqualTo(limits.get("DailyApiRequests").used());
    }

    @Test
    void a_reserve_is_a_share_or_a_count() {
        assertThat(QuotaReserve.percent(20).reservedOf(15_000)).isEqualTo(3_000);
        assertThat(QuotaReserve.requests(500).reservedOf(15_000)).isEqualTo(500);
        assertThatThrownBy(() -> QuotaReserve.percent(120)).hasMessageContaining("0 to 100");
    }
}

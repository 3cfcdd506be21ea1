package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.org.OrgLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /limits reports the org's Bulk allowances as Bulk code spends them, and the admin endpoint sets them. */
class LimitsEndpointTest extends EmulatorTest {

    @Test
    void bulk_allowances_are_reported_as_max_and_remaining() {
        OrgLimits limits = host.org().limits();
        assertThat(limits.bulkApiBatches().tryAcquire(3)).isTrue();
        assertThat(limits.bulkV2QueryJobs().tryAcquire(1)).isTrue();

        JsonNode body = http.get(data("/limits")).json();

        assertThat(body.path("DailyBulkApiBatches").path("Max").asLong()).isEqualTo(15_000);
        assertThat(body.path("DailyBulkApiBatches").path("Remaining").asLong()).isEqualTo(14_997);
        assertThat(body.path("DailyBulkV2QueryJobs").path("Remaining").asLong()).isEqualTo(9_999);
        assertThat(body.path("DailyBulkV2QueryFileStorageMB").path("Max").asLong()).isEqualTo(976_562);
    }

    @Test
    void the_admin_endpoint_sets_allowances_that_bulk_code_and_limits_then_see() {
        Http.Response put = http.put("/__admin/limits", "application/json",
                "{\"dailyBulkApiBatches\": 2, \"bulkV2MaxUploadBytes\": 1000, \"bulkV2IngestRecordsPerDay\": 10}");
        assertThat(put.status()).isEqualTo(200);

        OrgLimits limits = host.org().limits();
        assertThat(limits.bulkApiBatches().tryAcquire(2)).isTrue();
        assertThat(limits.bulkApiBatches().tryAcquire(1)).as("the third batch is over the allowance").isFalse();
        assertThat(limits.bulkV2IngestRecords().tryAcquire(11)).isFalse();
        assertThat(limits.bulkV2MaxUploadBytes()).isEqualTo(1000);
        assertThat(http.get(data("/limits")).json().path("DailyBulkApiBatches").toString()).isEqualTo("{\"Max\":2,\"Remaining\":0}");
        assertThat(http.get("/__admin/limits").json().path("dailyBulkApiBatches").asLong()).isEqualTo(2);
    }

    @Test
    void a_reset_restores_the_org_files_allowances_with_nothing_used() {
        http.put("/__admin/limits", "application/json", "{\"dailyBulkApiBatches\": 2}");
        host.org().limits().bulkApiBatches().tryAcquire(1);

        emulator.reset();

        assertThat(host.org().limits().bulkApiBatches().max()).isEqualTo(15_000);
        assertThat(host.org().limits().bulkApiBatches().used()).isZero();
    }

    @Test
    void a_misspelt_or_negative_limit_is_refused_with_a_fix() {
        Http.Response response = http.put("/__admin/limits", "application/json", "{\"dailyBulkApiBatch\": 2, \"dailyBulkV2QueryJobs\": -3}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get(0).path("message").asText()).isEqualTo("dailyBulkApiBatch: unknown key (fix: did you mean 'dailyBulkApiBatches'?)");
        assertThat(response.json().get(1).path("message").asText()).startsWith("dailyBulkV2QueryJobs: '-3' is not a whole number");
        assertThat(host.org().limits().bulkApiBatches().max()).isEqualTo(15_000);
    }
}

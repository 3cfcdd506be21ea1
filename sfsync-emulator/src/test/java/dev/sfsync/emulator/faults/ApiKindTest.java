package dev.sfsync.emulator.faults;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKindTest {
    @Test
    void the_api_of_a_call_follows_from_its_path() {
        assertThat(ApiKind.ofPath("/services/oauth2/token")).contains(ApiKind.OAUTH);
        assertThat(ApiKind.ofPath("/id/00D000000000001AAA/005000000000001AAA")).contains(ApiKind.OAUTH);
        assertThat(ApiKind.ofPath("/services/data/v60.0/sobjects/Account")).contains(ApiKind.REST);
        assertThat(ApiKind.ofPath("/services/data/v60.0/tooling/query")).contains(ApiKind.REST);
        assertThat(ApiKind.ofPath("/services/data")).contains(ApiKind.REST);
        assertThat(ApiKind.ofPath("/services/data/v60.0/jobs/ingest/750000000000001/batches")).contains(ApiKind.BULK2);
        assertThat(ApiKind.ofPath("/services/data/v60.0/jobs/query")).contains(ApiKind.BULK2);
        assertThat(ApiKind.ofPath("/services/data/v60.0/sobjects/Job__c")).contains(ApiKind.REST);
        assertThat(ApiKind.ofPath("/services/async/60.0/job/750000000000001/batch")).contains(ApiKind.BULK1);
        assertThat(ApiKind.ofPath("/services/Soap/u/60.0")).contains(ApiKind.SOAP);
        assertThat(ApiKind.ofPath("/services/Soap/m/60.0/00D000000000001")).contains(ApiKind.SOAP);
        assertThat(ApiKind.ofPath("/__admin/faults")).isEmpty();
        assertThat(ApiKind.ofPath("/")).isEmpty();
    }
}

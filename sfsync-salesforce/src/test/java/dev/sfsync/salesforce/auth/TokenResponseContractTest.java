package dev.sfsync.salesforce.auth;

import dev.sfsync.salesforce.Contract;
import dev.sfsync.salesforce.error.ErrorKind;
import dev.sfsync.salesforce.internal.ErrorResponses;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The token endpoint's documented answers. */
class TokenResponseContractTest {
    @Test
    void web_server_flow_answer_gives_both_tokens_the_instance_and_the_identity() {
        OAuthTokens tokens = TokenEndpoint.parse(Contract.json("auth/token-web-server-flow.json"));

        assertThat(tokens.accessToken()).startsWith("00Dxx0000001gPL!");
        assertThat(tokens.refreshToken()).startsWith("5Aep");
        assertThat(tokens.instanceUrl()).hasToString("https://mycompany.my.salesforce.com");
        assertThat(tokens.orgId()).contains("00Dxx0000001gPLEAY");
        assertThat(tokens.userId()).contains("005xx000001SwiUAAS");
        assertThat(tokens.issuedAt()).isEqualTo(Instant.ofEpochMilli(1278448101416L));
        assertThat(tokens.scope()).isEqualTo("refresh_token api");
    }

    @Test
    void a_refresh_answer_has_no_refresh_token_and_the_session_keeps_the_old_one() {
        OAuthTokens before = TokenEndpoint.parse(Contract.json("auth/token-web-server-flow.json"));
        OAuthTokens refreshed = TokenEndpoint.parse(Contract.json("auth/token-refresh.json"));

        assertThat(refreshed.refreshToken()).isNull();
        OAuthTokens kept = before.renewedBy(refreshed);
        assertThat(kept.refreshToken()).isEqualTo(before.refreshToken());
        assertThat(kept.accessToken()).isEqualTo(refreshed.accessToken());
    }

    @Test
    void an_expired_refresh_token_reads_as_reconnect_needed() {
        var failure = ErrorResponses.failure("POST /services/oauth2/token", 400, Contract.bytes("auth/token-error-invalid-grant.json"));

        assertThat(failure.errors().getFirst().code()).isEqualTo("invalid_grant");
        assertThat(failure.kind()).isEqualTo(ErrorKind.RECONNECT_NEEDED);
    }
}

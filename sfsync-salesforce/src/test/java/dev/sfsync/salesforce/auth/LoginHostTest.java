package dev.sfsync.salesforce.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginHostTest {
    @Test
    void production_and_sandbox_use_salesforces_shared_login_hosts() {
        assertThat(LoginHost.production().url()).hasToString("https://login.salesforce.com");
        assertThat(LoginHost.sandbox().url()).hasToString("https://test.salesforce.com");
        assertThat(LoginHost.sandbox().jwtAudience()).isEqualTo("https://test.salesforce.com");
        assertThat(LoginHost.of("https://login.salesforce.com/")).isEqualTo(LoginHost.production());
    }

    @Test
    void my_domain_accepts_a_name_or_a_host_and_signs_jwts_for_its_environment() {
        assertThat(LoginHost.myDomain("acme").url()).hasToString("https://acme.my.salesforce.com");
        assertThat(LoginHost.myDomain("acme").jwtAudience()).isEqualTo("https://login.salesforce.com");
        LoginHost uat = LoginHost.myDomain("https://acme--uat.sandbox.my.salesforce.com/");
        assertThat(uat.url()).hasToString("https://acme--uat.sandbox.my.salesforce.com");
        assertThat(uat.jwtAudience()).isEqualTo("https://test.salesforce.com");
        assertThat(uat.isSharedHost()).isFalse();
    }

    @Test
    void a_login_host_that_is_not_a_url_is_refused_with_an_example() {
        assertThatThrownBy(() -> LoginHost.of("login.salesforce.com")).hasMessageContaining("https://login.salesforce.com");
        assertThatThrownBy(() -> LoginHost.myDomain("acme corp")).hasMessageContaining("My Domain");
    }

    @Test
    void client_credentials_are_refused_on_the_shared_login_hosts() {
        Credentials.ClientCredentials credentials = Credentials.clientCredentials("id", "secret");
        TokenEndpoint production = new TokenEndpoint(LoginHost.production(), new dev.sfsync.salesforce.internal.ApiCaller(null, null, null, null, null, null, null),
                new dev.sfsync.salesforce.internal.Redactor());

        assertThatThrownBy(() -> credentials.obtain(production, null)).hasMessageContaining("My Domain");
    }
}

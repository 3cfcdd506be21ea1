package dev.sfsync.salesforce.error;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ErrorCatalogueTest {
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    private final ErrorCatalogue catalogue = ErrorCatalogue.standard();

    @Test
    void every_error_code_named_in_the_seed_pages_is_catalogued() throws IOException {
        List<String> seedCodes;
        try (InputStream in = getClass().getResourceAsStream("/seed-error-codes.txt")) {
            seedCodes = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }

        assertThat(seedCodes).hasSizeGreaterThan(10);
        assertThat(seedCodes).allSatisfy(code -> assertThat(catalogue.find(code)).as(code).isPresent());
    }

    @Test
    void the_seed_pages_themselves_name_no_code_missing_from_the_catalogue() throws IOException {
        Path seeds = Path.of("../../shared/seeds");
        assumeTrue(Files.isDirectory(seeds), "the shared seed pages are not next to this checkout");
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path file : files.toList()) {
                Matcher codes = CODE.matcher(Files.readString(file));
                while (codes.find()) {
                    assertThat(catalogue.find(codes.group())).as(codes.group() + " in " + file.getFileName()).isPresent();
                }
            }
        }
    }

    @Test
    void every_entry_explains_in_one_line_and_says_how_to_fix() {
        assertThat(catalogue.all()).hasSizeGreaterThan(80);
        assertThat(catalogue.all().values()).allSatisfy(entry -> {
            assertThat(entry.explanation()).as(entry.code()).isNotBlank().doesNotContain("\n").endsWith(".");
            assertThat(entry.fix()).as(entry.code()).isNotBlank().doesNotContain("\n").endsWith(".");
        });
    }

    @Test
    void only_transient_and_server_failures_are_retryable() {
        assertThat(catalogue.explain("UNABLE_TO_LOCK_ROW").retryable()).isTrue();
        assertThat(catalogue.explain("UNKNOWN_EXCEPTION").retryable()).isTrue();
        assertThat(catalogue.explain("REQUIRED_FIELD_MISSING").retryable()).isFalse();
        assertThat(catalogue.explain("REQUEST_LIMIT_EXCEEDED").retryable()).isFalse();
        assertThat(catalogue.explain("invalid_grant").kind()).isEqualTo(ErrorKind.RECONNECT_NEEDED);
    }

    @Test
    void soap_prefixes_and_case_do_not_hide_a_code_and_unknown_codes_are_not_retried() {
        assertThat(catalogue.find("sf:INVALID_SESSION_ID")).map(ErrorExplanation::kind).contains(ErrorKind.AUTHENTICATION);
        assertThat(catalogue.find("insufficient_access_or_readonly")).map(ErrorExplanation::code).contains("INSUFFICIENT_ACCESS_OR_READONLY");
        ErrorExplanation unknown = catalogue.explain("BRAND_NEW_CODE");
        assertThat(unknown.kind()).isEqualTo(ErrorKind.UNKNOWN);
        assertThat(unknown.retryable()).isFalse();
    }

    @Test
    void an_exception_message_carries_the_code_the_request_and_the_fix() {
        SalesforceException e = SalesforceException.of(new SalesforceException.Failure("POST /services/data/v62.0/sobjects/Account", 403,
                ErrorKind.PERMISSION, List.of(new SalesforceError("API_DISABLED_FOR_ORG", "API is not enabled for this Organization or Partner"))), null);

        assertThat(e).isInstanceOf(AccessDenied.class);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("API_DISABLED_FOR_ORG", "POST /services/data/v62.0/sobjects/Account", "HTTP 403", "Fix: Enable 'API Enabled'");
    }
}

package dev.sfsync.emulator.compat.camel;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.OrgDefinition;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.tls.TlsSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.CreateSObjectResult;
import org.apache.camel.component.salesforce.api.dto.GlobalObjects;
import org.apache.camel.component.salesforce.api.dto.SObject;
import org.apache.camel.component.salesforce.api.dto.SObjectDescription;
import org.apache.camel.component.salesforce.api.dto.Limits;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ContentTypeEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Jobs;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.QueryJob;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Judges the emulator by Apache Camel's salesforce component (org.apache.camel:camel-salesforce, pinned in the pom),
 * unmodified: what Camel users do most (OAuth password login, REST CRUD, upsert by external ID, queries with paging,
 * Bulk 2.0 ingest and query jobs, limits), once over http and once over https with the emulator's own certificate
 * trusted through Camel's SSLContextParameters. Each run has its own emulator serving
 * src/test/resources/compat/jsforce-org.yaml.
 */
class CamelSalesforceCompatibilityIT {
    @TempDir
    static Path certificates;

    @Nested
    class OverHttp extends CamelSuite {
        OverHttp() { super(false); }
    }

    @Nested
    class OverHttps extends CamelSuite {
        OverHttps() { super(true); }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class CamelSuite {
        private final boolean tls;
        private Emulator emulator;
        private CamelContext camel;
        private ProducerTemplate template;

        CamelSuite(boolean tls) {
            this.tls = tls;
        }

        @BeforeAll
        void startEmulatorAndCamel() throws Exception {
            OrgDefinition org;
            try (InputStream in = CamelSalesforceCompatibilityIT.class.getResourceAsStream("/compat/jsforce-org.yaml")) {
                org = OrgDefinitionLoader.load(in.readAllBytes(), "jsforce-org.yaml");
            }
            Emulator.Builder builder = Emulator.builder().org(org).port(0);
            TlsSettings tlsSettings = null;
            if (tls) {
                tlsSettings = TlsSettings.selfSigned(certificates);
                builder.tls(tlsSettings);
            }
            emulator = builder.build().start();
            UserAccount user = org.users().getFirst();
            ConnectedApp app = org.connectedApps().getFirst();

            SalesforceComponent salesforce = new SalesforceComponent();
            salesforce.setAuthenticationType(AuthenticationType.USERNAME_PASSWORD);
            salesforce.setLoginUrl(emulator.host().listeningUrl());
            salesforce.setClientId(app.clientId());
            salesforce.setClientSecret(app.clientSecret());
            salesforce.setUserName(user.username());
            salesforce.setPassword(user.password());
            salesforce.setPackages(Account.class.getPackageName());
            if (tlsSettings != null) {
                KeyStoreParameters trustStore = new KeyStoreParameters();
                trustStore.setResource("file:" + tlsSettings.trustFiles().orElseThrow().truststore());
                trustStore.setPassword(TlsSettings.STORE_PASSWORD);
                trustStore.setType("PKCS12");
                TrustManagersParameters trust = new TrustManagersParameters();
                trust.setKeyStore(trustStore);
                SSLContextParameters ssl = new SSLContextParameters();
                ssl.setTrustManagers(trust);
                salesforce.setSslContextParameters(ssl);
            }
            camel = new DefaultCamelContext();
            camel.addComponent("salesforce", salesforce);
            camel.start();
            template = camel.createProducerTemplate();
        }

        @AfterAll
        void stop() throws IOException {
            if (camel != null) {
                camel.stop();
            }
            if (emulator != null) {
                emulator.close();
            }
        }

        @Test
        void login_gives_camel_an_instance_url_of_the_scheme_it_logged_in_over() {
            String instanceUrl = ((SalesforceComponent) camel.getComponent("salesforce")).getSession().getInstanceUrl();
            assertThat(instanceUrl).startsWith(tls ? "https://" : "http://");
        }

        @Test
        void describe_calls_read_into_camels_describe_classes() {
            GlobalObjects global = template.requestBody("salesforce:getGlobalObjects", null, GlobalObjects.class);
            assertThat(global.getSobjects()).extracting(SObject::getName).contains("Account", "Contact", "Compat_Item__c");
            SObjectDescription account = template.requestBody("salesforce:getDescription?sObjectName=Account", null, SObjectDescription.class);
            assertThat(account.getKeyPrefix()).isEqualTo("001");
            assertThat(account.getFields()).filteredOn(f -> f.getName().equals("External_Key__c"))
                    .singleElement().satisfies(f -> assertThat(f.isExternalId()).isTrue());
            assertThat(account.getChildRelationships()).extracting(r -> r.getRelationshipName()).contains("Contacts", "Compat_Items__r");
        }

        @Test
        void records_are_created_read_updated_and_deleted_through_the_rest_api() {
            Account account = new Account();
            account.setName("Camel CRUD " + tag());
            account.setTier__c("Gold");
            account.setScore__c(12.5);
            CreateSObjectResult created = template.requestBody("salesforce:createSObject?sObjectName=Account", account, CreateSObjectResult.class);
            assertThat(created.getSuccess()).isTrue();
            assertThat(created.getId()).startsWith("001");

            Account read = template.requestBodyAndHeader("salesforce:getSObject?sObjectName=Account&sObjectFields=Id,Name,Tier__c,Score__c,CreatedDate",
                    created.getId(), "sObjectClass", Account.class.getName(), Account.class);
            assertThat(read.getName()).isEqualTo(account.getName());
            assertThat(read.getTier__c()).isEqualTo("Gold");
            assertThat(read.getScore__c()).isEqualTo(12.5);
            assertThat(read.getCreatedDate()).isNotNull();

            Account change = new Account();
            change.setId(created.getId());
            change.setTier__c("Silver");
            change.getFieldsToNull().add("Score__c");
            template.requestBody("salesforce:updateSObject?sObjectName=Account", change);
            Account updated = template.requestBodyAndHeader("salesforce:getSObject?sObjectName=Account&sObjectFields=Id,Tier__c,Score__c",
                    created.getId(), "sObjectClass", Account.class.getName(), Account.class);
            assertThat(updated.getTier__c()).isEqualTo("Silver");
            assertThat(updated.getScore__c()).isNull();

            template.requestBody("salesforce:deleteSObject?sObjectName=Account", updated);
            assertThatThrownBy(() -> template.requestBodyAndHeader("salesforce:getSObject?sObjectName=Account&sObjectFields=Id",
                    created.getId(), "sObjectClass", Account.class.getName(), Account.class))
                    .satisfies(e -> assertThat(salesforceError(e).getStatusCode()).isEqualTo(404));
        }

        @Test
        void upsert_by_external_id_creates_then_updates_the_same_record() {
            String key = "CAMEL-" + tag();
            Account account = new Account();
            account.setExternal_Key__c(key);
            account.setName("Upserted");
            UpsertSObjectResult first = template.requestBody("salesforce:upsertSObject?sObjectName=Account&sObjectIdName=External_Key__c",
                    account, UpsertSObjectResult.class);
            assertThat(first.getCreated()).isTrue();

            account.setName("Upserted again");
            UpsertSObjectResult second = template.requestBody("salesforce:upsertSObject?sObjectName=Account&sObjectIdName=External_Key__c",
                    account, UpsertSObjectResult.class);
            assertThat(second.getCreated()).isFalse();
            assertThat(second.getId()).isEqualTo(first.getId());

            Account byKey = template.requestBodyAndHeader("salesforce:getSObjectWithId?sObjectName=Account&sObjectIdName=External_Key__c",
                    key, "sObjectClass", Account.class.getName(), Account.class);
            assertThat(byKey.getName()).isEqualTo("Upserted again");
        }

        @Test
        void a_refused_write_reaches_camel_as_salesforce_errors() {
            Account account = new Account();
            account.setName("Bad tier");
            account.setTier__c("Platinum");
            assertThatThrownBy(() -> template.requestBody("salesforce:createSObject?sObjectName=Account", account, CreateSObjectResult.class))
                    .satisfies(e -> {
                        SalesforceException error = salesforceError(e);
                        assertThat(error.getStatusCode()).isEqualTo(400);
                        assertThat(error.getErrors()).extracting(r -> r.getErrorCode()).containsExactly("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
                    });
        }

        @Test
        void queries_page_through_next_records_urls_by_hand_and_by_camels_iterator() {
            String run = tag();
            createAccounts(run, 450);
            String soql = "SELECT Id, Name, External_Key__c FROM Account WHERE Name LIKE 'Paged " + run + "%' ORDER BY External_Key__c";
            Map<String, Object> headers = Map.of("Sforce-Query-Options", "batchSize=200", "sObjectClass", QueryRecordsAccount.class.getName());

            QueryRecordsAccount page = template.requestBodyAndHeaders("salesforce:query", soql, headers, QueryRecordsAccount.class);
            assertThat(page.getTotalSize()).isEqualTo(450);
            assertThat(page.getDone()).isFalse();
            List<Account> all = new ArrayList<>(page.getRecords());
            while (!page.getDone()) {
                page = template.requestBodyAndHeaders("salesforce:queryMore", page.getNextRecordsUrl(), headers, QueryRecordsAccount.class);
                all.addAll(page.getRecords());
            }
            assertThat(all).hasSize(450);
            assertThat(all.getFirst().getExternal_Key__c()).isEqualTo(run + "-0000");
            assertThat(all.getLast().getExternal_Key__c()).isEqualTo(run + "-0449");

            @SuppressWarnings("unchecked")
            java.util.Iterator<Account> streamed = template.requestBodyAndHeaders("salesforce:query?streamQueryResult=true", soql, headers,
                    java.util.Iterator.class);
            int count = 0;
            while (streamed.hasNext()) {
                assertThat(streamed.next().getName()).startsWith("Paged " + run);
                count++;
            }
            assertThat(count).isEqualTo(450);
        }

        @Test
        void a_bulk2_ingest_job_is_created_loaded_closed_polled_and_its_results_read() throws Exception {
            String run = tag();
            Job job = new Job();
            job.setObject("Account");
            job.setOperation(OperationEnum.UPSERT);
            job.setExternalIdFieldName("External_Key__c");
            job.setContentType(ContentTypeEnum.CSV);
            Job created = template.requestBody("salesforce:bulk2CreateJob", job, Job.class);
            assertThat(created.getId()).startsWith("750");
            assertThat(created.getState()).isEqualTo(JobStateEnum.OPEN);

            StringBuilder csv = new StringBuilder("Name,External_Key__c,Tier__c\n");
            for (int i = 0; i < 30; i++) {
                csv.append("Bulk ").append(run).append(' ').append(i).append(',').append(run).append("-B").append(i).append(',')
                        .append(i == 29 ? "Platinum" : "Bronze").append('\n');
            }
            template.requestBodyAndHeader("salesforce:bulk2CreateBatch", csv.toString(), "jobId", created.getId());
            Job closed = template.requestBodyAndHeader("salesforce:bulk2CloseJob", null, "jobId", created.getId(), Job.class);
            assertThat(closed.getState()).isEqualTo(JobStateEnum.UPLOAD_COMPLETE);

            Job done = poll(() -> template.requestBodyAndHeader("salesforce:bulk2GetJob", null, "jobId", created.getId(), Job.class),
                    j -> j.getState() == JobStateEnum.JOB_COMPLETE || j.getState() == JobStateEnum.FAILED);
            assertThat(done.getState()).isEqualTo(JobStateEnum.JOB_COMPLETE);
            assertThat(done.getNumberRecordsProcessed()).isEqualTo(30);
            assertThat(done.getNumberRecordsFailed()).isEqualTo(1);

            String successful = read(template.requestBodyAndHeader("salesforce:bulk2GetSuccessfulResults", null, "jobId", created.getId(), InputStream.class));
            assertThat(successful.lines()).hasSize(30).first().asString().startsWith("\"sf__Id\",\"sf__Created\"");
            String failed = read(template.requestBodyAndHeader("salesforce:bulk2GetFailedResults", null, "jobId", created.getId(), InputStream.class));
            assertThat(failed.lines()).hasSize(2);
            assertThat(failed).contains("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
            Jobs jobs = template.requestBody("salesforce:bulk2GetAllJobs", null, Jobs.class);
            assertThat(jobs.getRecords()).extracting(Job::getId).contains(created.getId());
            String unprocessed = read(template.requestBodyAndHeader("salesforce:bulk2GetUnprocessedRecords", null, "jobId", created.getId(), InputStream.class));
            assertThat(unprocessed.lines()).hasSize(1);
            template.requestBodyAndHeader("salesforce:bulk2DeleteJob", null, "jobId", created.getId());
            assertThatThrownBy(() -> template.requestBodyAndHeader("salesforce:bulk2GetJob", null, "jobId", created.getId(), Job.class))
                    .satisfies(e -> assertThat(salesforceError(e).getStatusCode()).isEqualTo(404));
        }

        @Test
        void a_bulk2_query_job_exports_its_records_in_result_sets_linked_by_locator() throws Exception {
            String run = tag();
            createAccounts(run, 250);
            QueryJob job = new QueryJob();
            job.setOperation(OperationEnum.QUERY);
            job.setQuery("SELECT Name, External_Key__c FROM Account WHERE Name LIKE 'Paged " + run + "%'");
            QueryJob created = template.requestBody("salesforce:bulk2CreateQueryJob", job, QueryJob.class);
            assertThat(created.getId()).startsWith("750");

            QueryJob done = poll(() -> template.requestBodyAndHeader("salesforce:bulk2GetQueryJob", null, "jobId", created.getId(), QueryJob.class),
                    j -> j.getState() == JobStateEnum.JOB_COMPLETE || j.getState() == JobStateEnum.FAILED);
            assertThat(done.getState()).isEqualTo(JobStateEnum.JOB_COMPLETE);
            assertThat(done.getNumberRecordsProcessed()).isEqualTo(250);

            List<String> rows = new ArrayList<>();
            String locator = null;
            int sets = 0;
            do {
                Map<String, Object> headers = locator == null ? Map.of("jobId", created.getId(), "maxRecords", 100)
                        : Map.of("jobId", created.getId(), "maxRecords", 100, "locator", locator);
                var exchange = template.request("salesforce:bulk2GetQueryJobResults",
                        e -> e.getIn().setHeaders(new java.util.HashMap<>(headers)));
                if (exchange.getException() != null) {
                    throw exchange.getException();
                }
                String body = read(exchange.getMessage().getBody(InputStream.class));
                List<String> lines = body.lines().toList();
                assertThat(lines.getFirst()).isEqualTo("\"Name\",\"External_Key__c\"");
                rows.addAll(lines.subList(1, lines.size()));
                locator = exchange.getMessage().getHeader("Sforce-Locator", String.class);
                sets++;
            } while (locator != null && !locator.equals("null"));
            assertThat(sets).isEqualTo(3);
            assertThat(rows).hasSize(250).allSatisfy(r -> assertThat(r).startsWith("\"Paged " + run));
        }

        @Test
        void limits_report_the_daily_api_requests() {
            Limits limits = template.requestBody("salesforce:limits", null, Limits.class);
            Limits.Usage daily = limits.getDailyApiRequests();
            assertThat(daily.getMax()).isEqualTo(500_000);
            assertThat(daily.getRemaining()).isBetween(1, 499_999);
        }

        private void createAccounts(String run, int count) {
            for (int from = 0; from < count; from += 200) {
                List<Account> batch = new ArrayList<>();
                for (int i = from; i < Math.min(count, from + 200); i++) {
                    Account account = new Account();
                    account.setName("Paged " + run + " " + i);
                    account.setExternal_Key__c(run + "-" + String.format("%04d", i));
                    batch.add(account);
                }
                List<?> results = template.requestBody("salesforce:compositeCreateSObjectCollections?allOrNone=true", batch, List.class);
                assertThat(results).hasSize(batch.size());
            }
        }

        private static <T> T poll(Supplier<T> read, java.util.function.Predicate<T> finished) throws InterruptedException {
            long deadline = System.nanoTime() + 30_000_000_000L;
            T last = read.get();
            while (!finished.test(last) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                last = read.get();
            }
            return last;
        }

        private static String read(InputStream in) throws IOException {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        private static SalesforceException salesforceError(Throwable thrown) {
            Throwable cause = thrown instanceof CamelExecutionException ? thrown.getCause() : thrown;
            assertThat(cause).isInstanceOf(SalesforceException.class);
            return (SalesforceException) cause;
        }

        private static String tag() {
            return UUID.randomUUID().toString().substring(0, 8);
        }
    }
}

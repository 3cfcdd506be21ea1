package dev.sfsync.emulator.compat;

import com.sforce.async.BatchInfo;
import com.sforce.async.BatchStateEnum;
import com.sforce.async.BulkConnection;
import com.sforce.async.ContentType;
import com.sforce.async.JobInfo;
import com.sforce.async.OperationEnum;
import com.sforce.async.QueryResultList;
import com.sforce.soap.partner.DescribeGlobalResult;
import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.soap.partner.LeadConvert;
import com.sforce.soap.partner.LeadConvertResult;
import com.sforce.soap.partner.MergeRequest;
import com.sforce.soap.partner.MergeResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidQueryLocatorFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.MalformedQueryFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.bind.XmlObject;
import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.org.OrgDefinition;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.tls.TlsSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.net.ssl.SSLContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Judges the emulator by Salesforce's own Java client: force-wsc with the partner API classes generated from the partner
 * WSDL (com.force.api:force-partner-api, pinned in the pom), unmodified, against an emulator on a free port serving
 * src/test/resources/compat/jsforce-org.yaml. The generated classes read every response element in the WSDL's order and
 * type, so a shape that is off fails here as it would in a customer's integration.
 *
 * <p>It runs over http; {@link ForceWscOverTlsCompatibilityIT} runs the same calls over https.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForceWscCompatibilityIT {
    private static final String API_VERSION = "64.0";
    private Emulator emulator;
    private PartnerConnection partner;
    private ConnectorConfig partnerConfig;
    private SSLContext trust;

    /** The emulator's TLS settings, or null for plain http. */
    TlsSettings tls() {
        return null;
    }

    @BeforeAll
    void logIn() throws Exception {
        OrgDefinition org;
        try (InputStream in = ForceWscCompatibilityIT.class.getResourceAsStream("/compat/jsforce-org.yaml")) {
            org = OrgDefinitionLoader.load(in.readAllBytes(), "jsforce-org.yaml");
        }
        TlsSettings tls = tls();
        Emulator.Builder builder = Emulator.builder().org(org).port(0);
        if (tls != null) {
            builder.tls(tls);
            trust = tls.trustFiles().orElseThrow().sslContext();
        }
        emulator = builder.build().start();
        UserAccount user = org.users().getFirst();
        partnerConfig = newConfig();
        partnerConfig.setAuthEndpoint(baseUrl() + "/services/Soap/u/" + API_VERSION);
        partnerConfig.setUsername(user.username());
        partnerConfig.setPassword(user.password());
        partner = new PartnerConnection(partnerConfig);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private String baseUrl() {
        return emulator.host().listeningUrl();
    }

    /** A force-wsc configuration that trusts the emulator's certificate when it serves https, as a user's would. */
    private ConnectorConfig newConfig() {
        ConnectorConfig config = new ConnectorConfig();
        if (trust != null) {
            config.setSslContext(trust);
        }
        return config;
    }

    @Test
    void login_hands_out_a_session_and_the_user_and_server_calls_answer() throws Exception {
        assertThat(partnerConfig.getSessionId()).isNotBlank();
        assertThat(partnerConfig.getServiceEndpoint()).startsWith(baseUrl() + "/services/Soap/u/" + API_VERSION + "/");
        GetUserInfoResult user = partner.getUserInfo();
        assertThat(user.getUserName()).isEqualTo("jsforce@compat.test");
        assertThat(user.getOrganizationId()).startsWith("00D");
        assertThat(partner.getServerTimestamp().getTimestamp()).isNotNull();
    }

    @Test
    void describe_calls_list_objects_and_fields_as_the_wsdl_types_them() throws Exception {
        DescribeGlobalResult global = partner.describeGlobal();
        assertThat(global.getSobjects()).extracting(o -> o.getName()).contains("Account", "Contact", "Compat_Item__c");

        DescribeSObjectResult account = partner.describeSObject("Account");
        assertThat(account.getKeyPrefix()).isEqualTo("001");
        Field key = Arrays.stream(account.getFields()).filter(f -> f.getName().equals("External_Key__c")).findFirst().orElseThrow();
        assertThat(key.getExternalId()).isTrue();
        assertThat(key.getType().name()).isEqualTo("string");
        assertThat(account.getChildRelationships()).extracting(r -> r.getRelationshipName()).contains("Contacts", "Compat_Items__r");
        Field tier = Arrays.stream(account.getFields()).filter(f -> f.getName().equals("Tier__c")).findFirst().orElseThrow();
        assertThat(tier.getPicklistValues()).extracting(v -> v.getValue()).containsExactly("Gold", "Silver", "Bronze");

        assertThat(partner.describeSObjects(new String[] {"Contact", "Compat_Item__c"})).extracting(DescribeSObjectResult::getName)
                .containsExactly("Contact", "Compat_Item__c");
        // Every object of the org, so each field type's describe shape goes through the generated classes.
        String[] everyObject = Arrays.stream(global.getSobjects()).map(o -> o.getName()).toArray(String[]::new);
        assertThat(partner.describeSObjects(everyObject)).hasSameSizeAs(everyObject);
    }

    @Test
    void create_update_upsert_delete_undelete_and_retrieve_report_each_record() throws Exception {
        SaveResult[] created = partner.create(new SObject[] {account("Wsc One", "wsc-1"), account("Wsc Two", "wsc-2"), account(null, "wsc-3")});
        assertThat(created[0].isSuccess()).isTrue();
        assertThat(created[1].isSuccess()).isTrue();
        assertThat(created[2].isSuccess()).isFalse();
        assertThat(created[2].getErrors()[0].getStatusCode().name()).isEqualTo("REQUIRED_FIELD_MISSING");

        SObject rename = new SObject("Account");
        rename.setId(created[0].getId());
        rename.setField("Name", "Wsc One Renamed");
        rename.setFieldsToNull(new String[] {"Tier__c"});
        assertThat(partner.update(new SObject[] {rename})[0].isSuccess()).isTrue();

        UpsertResult[] upserted = partner.upsert("External_Key__c", new SObject[] {account("Wsc Two Again", "wsc-2"), account("Wsc Four", "wsc-4")});
        assertThat(upserted).extracting(UpsertResult::isSuccess, UpsertResult::isCreated)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, false), org.assertj.core.groups.Tuple.tuple(true, true));
        assertThat(upserted[0].getId()).isEqualTo(created[1].getId());

        SObject[] retrieved = partner.retrieve("Id, Name, External_Key__c", "Account", new String[] {created[0].getId(), created[1].getId()});
        assertThat(retrieved).extracting(r -> r.getField("Name")).containsExactly("Wsc One Renamed", "Wsc Two Again");

        assertThat(partner.delete(new String[] {created[0].getId()})[0].isSuccess()).isTrue();
        assertThat(partner.query("SELECT Id FROM Account WHERE External_Key__c = 'wsc-1'").getSize()).isZero();
        assertThat(partner.queryAll("SELECT Id, IsDeleted FROM Account WHERE External_Key__c = 'wsc-1'").getRecords()[0].getField("IsDeleted"))
                .isEqualTo("true");
        assertThat(partner.undelete(new String[] {created[0].getId()})[0].isSuccess()).isTrue();
        assertThat(partner.query("SELECT Id FROM Account WHERE External_Key__c = 'wsc-1'").getSize()).isEqualTo(1);
    }

    @Test
    void query_pages_with_query_more_and_nests_parents_children_and_aggregates() throws Exception {
        String accountId = partner.create(new SObject[] {account("Paging Parent", "wsc-paging")})[0].getId();
        for (int from = 0; from < 450; from += 150) {
            SObject[] items = IntStream.range(from, from + 150).mapToObj(i -> item("paging", i, accountId)).toArray(SObject[]::new);
            assertThat(partner.create(items)).allMatch(SaveResult::isSuccess);
        }

        partner.setQueryOptions(200);
        QueryResult page = partner.query("SELECT Id, Seq__c, Account__r.Name FROM Compat_Item__c WHERE Run__c = 'paging' ORDER BY Seq__c");
        List<SObject> all = new ArrayList<>(Arrays.asList(page.getRecords()));
        assertThat(page.getSize()).isEqualTo(450);
        assertThat(page.isDone()).isFalse();
        while (!page.isDone()) {
            page = partner.queryMore(page.getQueryLocator());
            all.addAll(Arrays.asList(page.getRecords()));
        }
        assertThat(all).hasSize(450);
        assertThat(all.getFirst().getId()).startsWith(partner.describeSObject("Compat_Item__c").getKeyPrefix());
        assertThat(((XmlObject) all.getFirst().getField("Account__r")).getField("Name")).isEqualTo("Paging Parent");

        QueryResult parents = partner.query("SELECT Name, (SELECT Seq__c FROM Compat_Items__r WHERE Seq__c < 3 ORDER BY Seq__c) "
                + "FROM Account WHERE Id = '" + accountId + "'");
        XmlObject children = (XmlObject) parents.getRecords()[0].getField("Compat_Items__r");
        assertThat(children.getField("size")).isEqualTo("3");

        QueryResult grouped = partner.query("SELECT Run__c, COUNT(Id) cnt, MAX(Seq__c) FROM Compat_Item__c GROUP BY Run__c");
        SObject row = grouped.getRecords()[0];
        assertThat(row.getType()).isEqualTo("AggregateResult");
        assertThat(row.getField("cnt")).isEqualTo(450);
        assertThat(row.getField("expr0")).isEqualTo(449.0);
    }

    @Test
    void convert_lead_makes_an_account_a_contact_and_an_opportunity_once() throws Exception {
        SObject lead = new SObject("Lead");
        lead.setField("Company", "Converted Co");
        lead.setField("LastName", "Lee");
        lead.setField("Email", "lee@converted.test");
        // Lead integrations send the assignment rule and email headers; the emulator accepts them (it has no rules to run).
        partner.setAssignmentRuleHeader(null, true);
        partner.setEmailHeader(false, false, false);
        String leadId;
        try {
            leadId = partner.create(new SObject[] {lead})[0].getId();
        } finally {
            partner.clearAssignmentRuleHeader();
            partner.clearEmailHeader();
        }
        LeadConvert convert = new LeadConvert();
        convert.setLeadId(leadId);
        convert.setConvertedStatus("Closed - Converted");
        convert.setOpportunityName("Converted Co deal");

        LeadConvertResult result = partner.convertLead(new LeadConvert[] {convert})[0];
        assertThat(result.isSuccess()).isTrue();
        assertThat(result.getAccountId()).startsWith("001");
        assertThat(result.getContactId()).startsWith("003");
        assertThat(result.getOpportunityId()).startsWith("006");
        SObject contact = partner.retrieve("Email, AccountId", "Contact", new String[] {result.getContactId()})[0];
        assertThat(contact.getField("Email")).isEqualTo("lee@converted.test");
        assertThat(contact.getField("AccountId")).isEqualTo(result.getAccountId());

        LeadConvertResult again = partner.convertLead(new LeadConvert[] {convert})[0];
        assertThat(again.isSuccess()).isFalse();
        assertThat(again.getErrors()[0].getStatusCode().name()).isEqualTo("CANNOT_UPDATE_CONVERTED_LEAD");
    }

    @Test
    void merge_keeps_the_master_and_deletes_the_duplicate() throws Exception {
        SaveResult[] accounts = partner.create(new SObject[] {account("Merge Master", "wsc-merge-1"), account("Merge Duplicate", "wsc-merge-2")});
        SObject master = new SObject("Account");
        master.setId(accounts[0].getId());
        MergeRequest request = new MergeRequest();
        request.setMasterRecord(master);
        request.setRecordToMergeIds(new String[] {accounts[1].getId()});

        MergeResult result = partner.merge(new MergeRequest[] {request})[0];

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.getMergedRecordIds()).containsExactly(accounts[1].getId());
        assertThat(partner.retrieve("Id", "Account", new String[] {accounts[1].getId()})[0]).isNull();
    }

    @Test
    void logout_ends_the_session() throws Exception {
        ConnectorConfig config = newConfig();
        config.setAuthEndpoint(partnerConfig.getAuthEndpoint());
        config.setUsername(partnerConfig.getUsername());
        config.setPassword(partnerConfig.getPassword());
        PartnerConnection session = new PartnerConnection(config);
        session.logout();

        assertThatThrownBy(session::getUserInfo).isInstanceOfSatisfying(UnexpectedErrorFault.class,
                f -> assertThat(f.getExceptionCode().name()).isEqualTo("INVALID_SESSION_ID"));
    }

    @Test
    void bad_queries_fail_with_the_wsdl_s_typed_faults() {
        assertThatThrownBy(() -> partner.query("SELECT Nope__c FROM Account")).isInstanceOfSatisfying(InvalidFieldFault.class,
                f -> assertThat(f.getExceptionMessage()).contains("No such column 'Nope__c'"));
        assertThatThrownBy(() -> partner.query("SELECT Id FROM Account GROUP BY ROLLUP(Name)")).isInstanceOf(MalformedQueryFault.class);
        assertThatThrownBy(() -> partner.describeSObject("Nope__c")).isInstanceOf(InvalidSObjectFault.class);
        assertThatThrownBy(() -> partner.queryMore("01g000000000000AAA-200")).isInstanceOf(InvalidQueryLocatorFault.class);
    }

    @Test
    void bulk_api_1_loads_a_csv_and_exports_it_again() throws Exception {
        ConnectorConfig bulkConfig = newConfig();
        bulkConfig.setSessionId(partnerConfig.getSessionId());
        String soapEndpoint = partnerConfig.getServiceEndpoint();
        bulkConfig.setRestEndpoint(soapEndpoint.substring(0, soapEndpoint.indexOf("Soap/")) + "async/" + API_VERSION);
        BulkConnection bulk = new BulkConnection(bulkConfig);

        JobInfo load = job(bulk, OperationEnum.insert);
        StringBuilder csv = new StringBuilder("Name,External_Key__c\n");
        IntStream.range(0, 300).forEach(i -> csv.append("Bulk ").append(i).append(",bulk-").append(i).append('\n'));
        BatchInfo batch = bulk.createBatchFromStream(load, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        bulk.closeJob(load.getId());
        awaitCompleted(bulk, load, batch);
        String results = text(bulk.getBatchResultStream(load.getId(), batch.getId()));
        assertThat(results.lines().skip(1)).hasSize(300).allMatch(line -> line.contains("\"true\",\"true\""));

        JobInfo export = job(bulk, OperationEnum.query);
        BatchInfo query = bulk.createBatchFromStream(export, new ByteArrayInputStream(
                "SELECT Name, External_Key__c FROM Account WHERE External_Key__c LIKE 'bulk-%'".getBytes(StandardCharsets.UTF_8)));
        bulk.closeJob(export.getId());
        awaitCompleted(bulk, export, query);
        QueryResultList files = bulk.getQueryResultList(export.getId(), query.getId());
        String exported = text(bulk.getQueryResultStream(export.getId(), query.getId(), files.getResult()[0]));
        assertThat(exported.lines().skip(1)).hasSize(300);
        assertThat(exported).startsWith("\"Name\",\"External_Key__c\"");
    }

    private static JobInfo job(BulkConnection bulk, OperationEnum operation) throws Exception {
        JobInfo job = new JobInfo();
        job.setObject("Account");
        job.setOperation(operation);
        job.setContentType(ContentType.CSV);
        return bulk.createJob(job);
    }

    private static void awaitCompleted(BulkConnection bulk, JobInfo job, BatchInfo batch) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        BatchInfo info = bulk.getBatchInfo(job.getId(), batch.getId());
        while (info.getState() != BatchStateEnum.Completed) {
            assertThat(info.getState()).as("batch state, %s", info.getStateMessage()).isNotEqualTo(BatchStateEnum.Failed);
            assertThat(System.nanoTime()).as("batch done within a minute").isLessThan(deadline);
            Thread.sleep(50);
            info = bulk.getBatchInfo(job.getId(), batch.getId());
        }
    }

    private static String text(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SObject account(String name, String key) {
        SObject account = new SObject("Account");
        if (name != null) {
            account.setField("Name", name);
        }
        account.setField("External_Key__c", key);
        account.setField("Tier__c", "Gold");
        return account;
    }

    private static SObject item(String run, int seq, String accountId) {
        SObject item = new SObject("Compat_Item__c");
        item.setField("Run__c", run);
        item.setField("Seq__c", seq);
        item.setField("Account__c", accountId);
        return item;
    }
}

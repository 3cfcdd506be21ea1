package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.org.StoredRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.sfsync.emulator.bulk1.BulkHttp.ASYNC;
import static dev.sfsync.emulator.bulk1.BulkHttp.NS;
import static dev.sfsync.emulator.bulk1.BulkHttp.xml;
import static dev.sfsync.emulator.bulk1.BulkHttp.xmlAll;
import static org.assertj.core.api.Assertions.assertThat;

/** XML jobs: sObjects batches in, results elements out. */
class XmlIngestTest extends EmulatorTest {
    private static final String XSI = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    private BulkHttp bulk;

    @BeforeEach
    void bulk() {
        bulk = new BulkHttp(http);
    }

    @Test
    void an_xml_insert_reads_sobjects_and_answers_results_with_errors() {
        String jobId = bulk.createJob("insert", "Account", "XML");

        String batchId = bulk.addBatch(jobId, "application/xml; charset=UTF-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<sObjects xmlns=\"" + NS + "\" " + XSI + ">"
                + "<sObject><Name>Acme &amp; Sons</Name><Website xsi:nil=\"true\"/><Is_Partner__c>true</Is_Partner__c></sObject>"
                + "<sObject><Name>Bad</Name><Tier__c>Nope</Tier__c></sObject>"
                + "</sObjects>");
        String info = bulk.awaitBatch(jobId, batchId).body();
        Http.Response results = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result");

        assertThat(xml(info, "state")).as(info).isEqualTo("Completed");
        assertThat(results.header("Content-Type")).startsWith("application/xml");
        assertThat(BulkHttp.root(results.body()).getLocalName()).isEqualTo("results");
        assertThat(xmlAll(results.body(), "success")).containsExactly("true", "false");
        assertThat(xmlAll(results.body(), "created")).containsExactly("true", "false");
        assertThat(xml(results.body(), "statusCode")).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(xml(results.body(), "fields")).isEqualTo("Tier__c");
        StoredRecord acme = host.org().findRecord(xml(results.body(), "id")).orElseThrow();
        assertThat(acme.get("Name")).isEqualTo("Acme & Sons");
        assertThat(acme.get("Is_Partner__c")).isEqualTo(true);
    }

    @Test
    void an_xml_parent_element_names_the_parent_by_external_id() {
        String accounts = bulk.createJob("insert", "Account", "XML");
        bulk.awaitBatch(accounts, bulk.addBatch(accounts, "application/xml",
                "<sObjects xmlns=\"" + NS + "\"><sObject><Name>Parent</Name><External_Key__c>P-1</External_Key__c></sObject></sObjects>"));
        String contacts = bulk.createJob("insert", "Contact", "XML");

        String batchId = bulk.addBatch(contacts, "application/xml", "<sObjects xmlns=\"" + NS + "\"><sObject><LastName>Child</LastName>"
                + "<Account><External_Key__c>P-1</External_Key__c></Account><FirstName>Kim</FirstName></sObject></sObjects>");
        bulk.awaitBatch(contacts, batchId);
        String results = bulk.get(ASYNC + "/job/" + contacts + "/batch/" + batchId + "/result").body();

        StoredRecord contact = host.org().findRecord(xml(results, "id")).orElseThrow();
        assertThat(contact.get("AccountId")).asString().startsWith("001");
        assertThat(contact.get("FirstName")).isEqualTo("Kim");
    }

    @Test
    void a_batch_that_is_not_sobjects_fails() {
        String jobId = bulk.createJob("insert", "Account", "XML");

        String info = bulk.awaitBatch(jobId, bulk.addBatch(jobId, "application/xml", "<records><Name>x</Name></records>")).body();

        assertThat(xml(info, "state")).isEqualTo("Failed");
        assertThat(xml(info, "stateMessage")).startsWith("InvalidBatch : The root element is <records>");
    }
}

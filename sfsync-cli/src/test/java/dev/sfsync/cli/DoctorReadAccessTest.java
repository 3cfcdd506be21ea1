package dev.sfsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsync.emulator.org.SharingModel;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

/** 'sfsync doctor' on inbound and two-way syncs: the object readable, its fields visible, and the sharing caveat. */
class DoctorReadAccessTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/doctor-read-test.yaml");

    @TempDir
    Path project;

    @BeforeEach
    void connect() throws Exception {
        writeConfig("[LastName, Email]");
        ConnectedProject.connect(org, project);
    }

    private void writeConfig(String contactFields) throws Exception {
        ConnectedProject.write(org, project, """
                sources:
                  warehouse: {url: "jdbc:duckdb:warehouse.duckdb"}
                inbound:
                  contacts_in:
                    object: Contact
                    table: sf_contacts
                    fields: %s
                """.formatted(contactFields));
    }

    private String[] args(String... args) {
        return ConnectedProject.args(project, args);
    }

    @Test
    void a_readable_object_with_visible_fields_passes() throws Exception {
        ProjectCommandsTest.Result doctor = sfsync(args("doctor", "contacts_in"));

        assertThat(doctor.exitCode()).as(doctor.out() + doctor.err()).isZero();
        assertThat(doctor.out()).contains("sync contacts_in", "PASS object is readable: the user may query Contact",
                "PASS fields exist and are visible (field-level security): 2 configured field(s) can be read",
                "PASS records owned by others are visible (sharing)");
        JsonNode json = new ObjectMapper().readTree(sfsync(args("doctor", "contacts_in", "--json")).out());
        assertThat(json.path("passed").asBoolean()).isTrue();
    }

    @Test
    void an_unreadable_object_and_a_hidden_field_fail_with_the_profile_to_change() throws Exception {
        writeConfig("[LastName, Secret__c]");
        Files.writeString(project.resolve("sfsync.yaml"), Files.readString(project.resolve("sfsync.yaml")) + """
                  leads_in:
                    object: Lead
                    table: sf_leads
                    fields: [LastName]
                """);

        ProjectCommandsTest.Result doctor = sfsync(args("doctor"));

        assertThat(doctor.exitCode()).as(doctor.out() + doctor.err()).isEqualTo(DoctorCommand.CHECKS_FAILED);
        assertThat(doctor.out()).contains("FAIL fields exist and are visible (field-level security): inbound.contacts_in.fields: Contact.Secret__c is missing",
                        "sync leads_in", "FAIL object is readable: Lead", "fix: a Salesforce admin grants Read on Lead in Setup > Profiles > Integration > Object Settings");
    }

    @Test
    void a_two_way_sync_s_fields_are_checked_both_ways_readable_and_for_outbound_updateable() throws Exception {
        String twoWay = """
                two_way:
                  contacts_2way:
                    object: Contact
                    table: crm_contacts
                    key: id
                    match: {column: email, field: Email}
                    mappings:
                      - {column: last_name, field: LastName, direction: both}
                      - {column: title, field: Title, direction: %s}
                      - {column: secret, field: Secret__c, direction: inbound}
                """;
        Files.writeString(project.resolve("sfsync.yaml"), Files.readString(project.resolve("sfsync.yaml")) + twoWay.formatted("both"));

        ProjectCommandsTest.Result doctor = sfsync(args("doctor", "contacts_2way"));

        assertThat(doctor.exitCode()).as(doctor.out() + doctor.err()).isEqualTo(DoctorCommand.CHECKS_FAILED);
        assertThat(doctor.out()).contains("FAIL mapped fields flow their directions (field-level security both ways)",
                "Contact.Title cannot flow outbound: it is read-only for the connection's user", "Contact.Secret__c is missing, or hidden",
                "grant Edit on it in Setup -> Profiles", "(the user's profile is 'Integration')");

        writeConfig("[LastName, Email]");
        Files.writeString(project.resolve("sfsync.yaml"), Files.readString(project.resolve("sfsync.yaml"))
                + twoWay.formatted("inbound").replace("      - {column: secret, field: Secret__c, direction: inbound}\n", ""));
        ProjectCommandsTest.Result fixed = sfsync(args("doctor", "contacts_2way"));
        assertThat(fixed.out()).as(fixed.out() + fixed.err())
                .contains("PASS mapped fields flow their directions (field-level security both ways): 2 mapped field(s) readable, 1 of them updateable");
    }

    @Test
    void a_private_default_without_view_all_data_shows_the_caveat_and_view_all_data_lifts_it() {
        org.sharingModel("Contact", SharingModel.Private);

        ProjectCommandsTest.Result caveat = sfsync(args("doctor", "contacts_in"));

        assertThat(caveat.exitCode()).as(caveat.out() + caveat.err()).isZero();
        assertThat(caveat.out()).contains("PASS records owned by others are visible (sharing): caveat: the user's profile 'Integration' has neither"
                + " View All Data nor Modify All Data", "Contact records owned by other users may not arrive",
                "grants 'View All' on Contact (or 'View All Data')", "or shares the records with the user");

        org.admin("PATCH", "/__admin/profiles/Integration/permissions", "{\"ViewAllData\": true}");
        ProjectCommandsTest.Result viewAll = sfsync(args("doctor", "contacts_in"));

        assertThat(viewAll.exitCode()).isZero();
        assertThat(viewAll.out()).contains("PASS records owned by others are visible (sharing): the user's profile has View All Data")
                .doesNotContain("caveat");
    }
}

package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.Profile;
import dev.sfsync.emulator.org.StoredRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static dev.sfsync.emulator.soql.TestRecords.insert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SoqlExecutorTest {
    private static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);

    private Org org;
    private Profile admin;

    @BeforeEach
    void createOrg() {
        org = TestRecords.testOrg(Clock.fixed(NOW, ZoneOffset.UTC));
        admin = org.defaultUser().profile();
    }

    @Test
    void equals_on_text_ignores_case() {
        insert(org, "Account", "Name", "Acme");
        insert(org, "Account", "Name", "Globex");

        assertThat(names("SELECT Name FROM Account WHERE Name = 'ACME'")).containsExactly("Acme");
    }

    @Test
    void not_equals_also_matches_null_values() {
        insert(org, "Account", "Name", "A", "Site", "x");
        insert(org, "Account", "Name", "B", "Site", "y");
        insert(org, "Account", "Name", "C");

        assertThat(names("SELECT Name FROM Account WHERE Site != 'x'")).containsExactly("B", "C");
        assertThat(names("SELECT Name FROM Account WHERE Site <> 'x'")).containsExactly("B", "C");
        assertThat(names("SELECT Name FROM Account WHERE Site = null")).containsExactly("C");
        assertThat(names("SELECT Name FROM Account WHERE Site != null")).containsExactly("A", "B");
    }

    @Test
    void ordering_operators_compare_numbers_and_skip_nulls() {
        insert(org, "Account", "Name", "one", "NumberOfEmployees", new BigDecimal(1));
        insert(org, "Account", "Name", "five", "NumberOfEmployees", new BigDecimal(5));
        insert(org, "Account", "Name", "ten", "NumberOfEmployees", new BigDecimal(10));
        insert(org, "Account", "Name", "none");

        assertThat(names("SELECT Name FROM Account WHERE NumberOfEmployees < 5")).containsExactly("one");
        assertThat(names("SELECT Name FROM Account WHERE NumberOfEmployees <= 5")).containsExactly("one", "five");
        assertThat(names("SELECT Name FROM Account WHERE NumberOfEmployees > 5")).containsExactly("ten");
        assertThat(names("SELECT Name FROM Account WHERE NumberOfEmployees >= 5.0")).containsExactly("five", "ten");
        assertThat(names("SELECT Name FROM Account WHERE NumberOfEmployees = 10")).containsExactly("ten");
    }

    @Test
    void like_matches_ignoring_case_with_percent_and_underscore_wildcards() {
        insert(org, "Account", "Name", "Acme Corp");
        insert(org, "Account", "Name", "acme");
        insert(org, "Account", "Name", "Bacme");
        insert(org, "Account", "Name", "100% Cotton");

        assertThat(names("SELECT Name FROM Account WHERE Name LIKE 'ACME%'")).containsExactly("Acme Corp", "acme");
        assertThat(names("SELECT Name FROM Account WHERE Name LIKE '_acme'")).containsExactly("Bacme");
        assertThat(names("SELECT Name FROM Account WHERE Name LIKE '100\\% %'")).containsExactly("100% Cotton");
    }

    @Test
    void in_and_not_in_match_against_lists_with_nulls_counted_for_not_in() {
        insert(org, "Account", "Name", "A", "Rating", "Hot");
        insert(org, "Account", "Name", "B", "Rating", "Cold");
        insert(org, "Account", "Name", "C");

        assertThat(names("SELECT Name FROM Account WHERE Rating IN ('hot', 'Warm')")).containsExactly("A");
        assertThat(names("SELECT Name FROM Account WHERE Rating NOT IN ('Hot')")).containsExactly("B", "C");
        assertThat(names("SELECT Name FROM Account WHERE Rating IN ('Hot', null)")).containsExactly("A", "C");
    }

    @Test
    void includes_and_excludes_test_multipicklist_selections() {
        insert(org, "Account", "Name", "A", "Regions__c", "EMEA;AMER");
        insert(org, "Account", "Name", "B", "Regions__c", "APAC");
        insert(org, "Account", "Name", "C");

        assertThat(names("SELECT Name FROM Account WHERE Regions__c INCLUDES ('AMER;EMEA')")).containsExactly("A");
        assertThat(names("SELECT Name FROM Account WHERE Regions__c INCLUDES ('EMEA;APAC', 'APAC')")).containsExactly("B");
        assertThat(names("SELECT Name FROM Account WHERE Regions__c EXCLUDES ('EMEA')")).containsExactly("B", "C");
        assertThat(names("SELECT Name FROM Account WHERE Regions__c = 'AMER;EMEA'")).containsExactly("A");
    }

    @Test
    void boolean_fields_compare_with_true_and_false() {
        insert(org, "Account", "Name", "partner", "Is_Partner__c", true);
        insert(org, "Account", "Name", "direct", "Is_Partner__c", false);

        assertThat(names("SELECT Name FROM Account WHERE Is_Partner__c = TRUE")).containsExactly("partner");
        assertThat(names("SELECT Name FROM Account WHERE Is_Partner__c != true")).containsExactly("direct");
    }

    @Test
    void date_fields_compare_with_dates_and_relative_date_literals() {
        for (int days : new int[] {-10, -7, -1, 0, 1, 3, 4}) {
            insert(org, "Account", "Name", "d" + days, "Founded__c", TODAY.plusDays(days));
        }

        assertThat(names("SELECT Name FROM Account WHERE Founded__c = TODAY")).containsExactly("d0");
        assertThat(names("SELECT Name FROM Account WHERE Founded__c = YESTERDAY")).containsExactly("d-1");
        assertThat(names("SELECT Name FROM Account WHERE Founded__c = TOMORROW")).containsExactly("d1");
        assertThat(names("SELECT Name FROM Account WHERE Founded__c = LAST_N_DAYS:7")).containsExactly("d-7", "d-1", "d0");
        assertThat(names("SELECT Name FROM Account WHERE Founded__c = NEXT_N_DAYS:3")).containsExactly("d1", "d3");
        assertThat(names("SELECT Name FROM Account WHERE Founded__c > TODAY")).containsExactly("d1", "d3", "d4");
        assertThat(names("SELECT Name FROM Account WHERE Founded__c <= YESTERDAY")).containsExactly("d-10", "d-7", "d-1");
        assertThat(names("SELECT Name FROM Account WHERE Founded__c >= 2024-06-18")).containsExactly("d3", "d4");
    }

    @Test
    void datetime_fields_compare_with_datetimes_and_relative_date_literals() {
        insert(org, "Account", "Name", "early", "Last_Seen__c", Instant.parse("2024-06-15T00:30:00Z"));
        insert(org, "Account", "Name", "yesterday", "Last_Seen__c", Instant.parse("2024-06-14T23:59:59Z"));
        insert(org, "Account", "Name", "tomorrow", "Last_Seen__c", Instant.parse("2024-06-16T00:00:00Z"));

        assertThat(names("SELECT Name FROM Account WHERE Last_Seen__c = TODAY")).containsExactly("early");
        assertThat(names("SELECT Name FROM Account WHERE Last_Seen__c < TODAY")).containsExactly("yesterday");
        assertThat(names("SELECT Name FROM Account WHERE Last_Seen__c > 2024-06-15T02:00:00+02:00")).containsExactly("early", "tomorrow");
        assertThat(names("SELECT Name FROM Account WHERE Last_Seen__c = 2024-06-16T00:00:00.000Z")).containsExactly("tomorrow");
        assertThat(names("SELECT Name FROM Account WHERE CreatedDate = TODAY")).hasSize(3);
    }

    @Test
    void literal_of_the_wrong_type_fails_like_salesforce() {
        assertThat(error("SELECT Id FROM Account WHERE Founded__c = 2024-01-01T00:00:00Z")).satisfies(e -> {
            assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
            assertThat(e.getMessage()).endsWith("value of filter criterion for field 'Founded__c' must be of type date and should not be enclosed in quotes");
        });
        assertThat(error("SELECT Id FROM Account WHERE CreatedDate > 2024-01-01").getMessage())
                .endsWith("must be of type dateTime and should not be enclosed in quotes");
        assertThat(error("SELECT Id FROM Account WHERE Name = 5").getMessage())
                .endsWith("value of filter criterion for field 'Name' must be of type string and should be enclosed in quotes");
        assertThat(error("SELECT Id FROM Account WHERE Score__c = '5'").getMessage()).endsWith("must be of type double and should not be enclosed in quotes");
        assertThat(error("SELECT Id FROM Account WHERE Is_Partner__c = 'true'").getMessage()).endsWith("must be of type boolean and should not be enclosed in quotes");
        assertThat(error("SELECT Id FROM Account WHERE Id = 'nope'")).satisfies(e -> {
            assertThat(e.errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
            assertThat(e.getMessage()).endsWith("invalid ID field: nope");
        });
        assertThat(error("SELECT Id FROM Account WHERE Name INCLUDES ('a')").getMessage()).endsWith("includes or excludes operator only valid on multipicklist field");
    }

    @Test
    void ids_match_in_their_15_and_18_character_forms() {
        String id = insert(org, "Account", "Name", "A");
        insert(org, "Account", "Name", "B");

        assertThat(names("SELECT Name FROM Account WHERE Id = '" + id.substring(0, 15) + "'")).containsExactly("A");
        assertThat(names("SELECT Name FROM Account WHERE Id != '" + id + "'")).containsExactly("B");
    }

    @Test
    void parent_paths_filter_order_and_project_with_null_parents() {
        String acme = insert(org, "Account", "Name", "Acme");
        String beta = insert(org, "Account", "Name", "Beta");
        insert(org, "Contact", "LastName", "Zed", "AccountId", acme);
        insert(org, "Contact", "LastName", "Young", "AccountId", beta);
        insert(org, "Contact", "LastName", "Orphan");

        assertThat(names("SELECT LastName FROM Contact WHERE Account.Name = 'acme'", "LastName")).containsExactly("Zed");
        assertThat(names("SELECT LastName FROM Contact ORDER BY Account.Name DESC", "LastName")).containsExactly("Young", "Zed", "Orphan");

        SoqlResult result = run("SELECT LastName, Account.Name, Account.Owner.Name FROM Contact ORDER BY LastName");
        SoqlProjector projector = new SoqlProjector(result.plan());
        assertThat(projector.columnNames()).containsExactly("LastName", "Account.Name", "Account.Owner.Name");
        assertThat(projector.flatValues(result.records().getFirst())).containsExactly("Orphan", null, null);
        assertThat(projector.flatValues(result.records().get(1))).containsExactly("Young", "Beta", org.defaultUser().displayName());
    }

    @Test
    void order_by_asc_puts_nulls_first_and_desc_puts_nulls_last() {
        insert(org, "Account", "Name", "b", "Site", "2");
        insert(org, "Account", "Name", "a");
        insert(org, "Account", "Name", "c", "Site", "1");

        assertThat(names("SELECT Name FROM Account ORDER BY Site")).containsExactly("a", "c", "b");
        assertThat(names("SELECT Name FROM Account ORDER BY Site DESC")).containsExactly("b", "c", "a");
        assertThat(names("SELECT Name FROM Account ORDER BY Site ASC NULLS LAST")).containsExactly("c", "b", "a");
        assertThat(names("SELECT Name FROM Account ORDER BY Site DESC NULLS FIRST")).containsExactly("a", "b", "c");
    }

    @Test
    void order_by_several_fields_breaks_ties_in_order() {
        insert(org, "Account", "Name", "x", "Rating", "Hot", "NumberOfEmployees", new BigDecimal(1));
        insert(org, "Account", "Name", "y", "Rating", "Cold", "NumberOfEmployees", new BigDecimal(1));
        insert(org, "Account", "Name", "z", "Rating", "Hot", "NumberOfEmployees", new BigDecimal(2));

        assertThat(names("SELECT Name FROM Account ORDER BY NumberOfEmployees DESC, Rating")).containsExactly("z", "y", "x");
    }

    @Test
    void limit_and_offset_cut_the_sorted_result() {
        for (int i = 0; i < 10; i++) {
            insert(org, "Account", "Name", "n" + i);
        }

        assertThat(names("SELECT Name FROM Account ORDER BY Name DESC LIMIT 3 OFFSET 2")).containsExactly("n7", "n6", "n5");
        assertThat(names("SELECT Name FROM Account LIMIT 0")).isEmpty();
        assertThat(names("SELECT Name FROM Account OFFSET 20")).isEmpty();
        assertThat(error("SELECT Name FROM Account OFFSET 2001")).satisfies(e -> {
            assertThat(e.errorCode()).isEqualTo("NUMBER_OUTSIDE_VALID_RANGE");
            assertThat(e.getMessage()).isEqualTo("Maximum SOQL offset allowed for apiName Account is 2000");
        });
    }

    @Test
    void count_forms_count_matches_and_non_null_values() {
        insert(org, "Account", "Name", "A", "Site", "s");
        insert(org, "Account", "Name", "B");

        SoqlResult count = run("SELECT COUNT() FROM Account");
        assertThat(count.plan().shape()).isEqualTo(SoqlPlan.Shape.COUNT);
        assertThat(count.totalSize()).isEqualTo(2);
        assertThat(run("SELECT COUNT(Id), COUNT(Site) sites FROM Account").aggregateRows().getFirst().values())
                .extracting(SoqlResult.AggregateValue::key, SoqlResult.AggregateValue::value)
                .containsExactly(tuple("expr0", 2L), tuple("sites", 1L));
        assertThat(error("SELECT COUNT(Id), Name FROM Account").getMessage()).endsWith("Field must be grouped or aggregated: Name");
    }

    @Test
    void deleted_records_are_seen_only_when_including_deleted() {
        insert(org, "Account", "Name", "live");
        TestRecords.delete(org, "Account", insert(org, "Account", "Name", "gone"));

        assertThat(SoqlExecutor.execute(SoqlParser.parse("SELECT Name FROM Account"), org, admin, false).records()).hasSize(1);
        assertThat(SoqlExecutor.execute(SoqlParser.parse("SELECT Name FROM Account WHERE IsDeleted = true"), org, admin, true).records())
                .extracting(r -> r.values().get("Name")).containsExactly("gone");
    }

    @Test
    void unknown_names_fail_with_salesforce_codes_and_messages() {
        assertThat(error("SELECT Foo FROM Account")).satisfies(e -> {
            assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
            assertThat(e.getMessage()).isEqualTo("\nSELECT Foo FROM Account\n       ^\nERROR at Row:1:Column:8\nNo such column 'Foo' on entity "
                    + "'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. "
                    + "Please reference your WSDL or the describe call for the appropriate names.");
        });
        assertThat(error("SELECT Foo.Name FROM Contact")).satisfies(e -> {
            assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
            assertThat(e.getMessage()).contains("Didn't understand relationship 'Foo' in field path.");
        });
        assertThat(error("SELECT Account.Bogus FROM Contact").getMessage()).contains("No such column 'Bogus' on entity 'Account'.");
        assertThat(error("SELECT Id FROM Foo__c")).satisfies(e -> {
            assertThat(e.errorCode()).isEqualTo("INVALID_TYPE");
            assertThat(e.getMessage()).contains("sObject type 'Foo__c' is not supported.");
        });
    }

    @Test
    void field_hidden_by_field_level_security_does_not_exist() {
        Profile sales = org.user("sales@test.org").orElseThrow().profile();

        assertThatThrownBy(() -> SoqlPlanner.plan("SELECT Secret_Notes__c FROM Account", org, sales))
                .isInstanceOfSatisfying(SoqlError.class, e -> assertThat(e.getMessage()).contains("No such column 'Secret_Notes__c'"));
        assertThatThrownBy(() -> SoqlPlanner.plan("SELECT Id FROM Account WHERE Secret_Notes__c = null", org, sales))
                .isInstanceOf(SoqlError.class);
        assertThat(SoqlPlanner.plan("SELECT AnnualRevenue FROM Account", org, sales).columns()).hasSize(1);
    }

    @Test
    void object_the_user_cannot_read_is_an_unsupported_type() {
        Profile sales = org.user("sales@test.org").orElseThrow().profile();
        sales.grantObject("Invoice__c", Set.of());

        assertThatThrownBy(() -> SoqlPlanner.plan("SELECT Id FROM Invoice__c", org, sales))
                .isInstanceOfSatisfying(SoqlError.class, e -> assertThat(e.errorCode()).isEqualTo("INVALID_TYPE"));
        sales.grantObject("Account", Set.of());
        assertThatThrownBy(() -> SoqlPlanner.plan("SELECT Account.Name FROM Contact", org, sales))
                .isInstanceOfSatisfying(SoqlError.class, e -> assertThat(e.getMessage()).contains("Didn't understand relationship 'Account'"));
    }

    @Test
    void semi_join_filters_by_ids_the_subquery_selects() {
        String withContact = insert(org, "Account", "Name", "has contact");
        insert(org, "Account", "Name", "lonely");
        insert(org, "Contact", "LastName", "C", "AccountId", withContact);

        assertThat(names("SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact)")).containsExactly("has contact");
        assertThat(names("SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact WHERE LastName = 'C')")).containsExactly("lonely");
    }

    @Test
    void object_and_field_names_resolve_case_insensitively_to_canonical_names() {
        insert(org, "Account", "Name", "A");

        SoqlResult result = run("select name, OWNER.name from ACCOUNT");
        assertThat(result.plan().object().name()).isEqualTo("Account");
        assertThat(new SoqlProjector(result.plan()).columnNames()).containsExactly("Name", "Owner.Name");
    }

    private SoqlResult run(String soql) {
        return SoqlExecutor.execute(SoqlParser.parse(soql), org, admin, false);
    }

    private List<Object> names(String soql) {
        return names(soql, "Name");
    }

    private List<Object> names(String soql, String field) {
        return run(soql).records().stream().map(StoredRecord::values).map(v -> v.get(field)).toList();
    }

    private SoqlError error(String soql) {
        try {
            run(soql);
        } catch (SoqlError e) {
            return e;
        }
        throw new AssertionError("ran without error: " + soql);
    }
}

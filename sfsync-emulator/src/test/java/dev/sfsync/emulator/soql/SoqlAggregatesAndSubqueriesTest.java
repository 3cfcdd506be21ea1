package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.Profile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sfsync.emulator.soql.TestRecords.insert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SoqlAggregatesAndSubqueriesTest {
    private static final SoqlProjector.Renderer PLAIN = new SoqlProjector.Renderer() {
        @Override
        public Map<String, Object> attributes(String object, String id) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("type", object);
            return attributes;
        }

        @Override
        public Object value(FieldSchema field, Object stored) {
            return stored;
        }
    };

    private Org org;
    private Profile admin;

    @BeforeEach
    void createOrg() {
        org = TestRecords.testOrg(Clock.fixed(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.UTC));
        admin = org.defaultUser().profile();
    }

    @Test
    void group_by_answers_one_aggregate_result_per_group_with_aliases_and_expr_names() {
        insert(org, "Account", "Name", "a", "Rating", "Hot", "AnnualRevenue", new BigDecimal(100));
        insert(org, "Account", "Name", "b", "Rating", "hot", "AnnualRevenue", new BigDecimal(300));
        insert(org, "Account", "Name", "c", "Rating", "Cold", "AnnualRevenue", new BigDecimal(50));
        insert(org, "Account", "Name", "d");

        SoqlResult result = run("SELECT Rating, COUNT(Id) cnt, SUM(AnnualRevenue), MAX(Name), MIN(AnnualRevenue), AVG(AnnualRevenue) "
                + "FROM Account GROUP BY Rating ORDER BY COUNT(Id) DESC, Rating NULLS FIRST");

        assertThat(result.plan().shape()).isEqualTo(SoqlPlan.Shape.AGGREGATE);
        assertThat(result.totalSize()).isEqualTo(3);
        assertThat(result.aggregateRows()).extracting(row -> row.values().stream().map(SoqlResult.AggregateValue::value).toList())
                .containsExactly(
                        List.of("Hot", 2L, new BigDecimal(400), "b", new BigDecimal(100), new BigDecimal(200)),
                        java.util.Arrays.asList(null, 1L, null, "d", null, null),
                        List.of("Cold", 1L, new BigDecimal(50), "c", new BigDecimal(50), new BigDecimal(50)));
        assertThat(result.aggregateRows().getFirst().values()).extracting(SoqlResult.AggregateValue::key, SoqlResult.AggregateValue::soapType)
                .containsExactly(tuple("Rating", "xsd:string"), tuple("cnt", "xsd:int"), tuple("expr0", "xsd:double"),
                        tuple("expr1", "xsd:string"), tuple("expr2", "xsd:double"), tuple("expr3", "xsd:double"));
    }

    @Test
    void having_filters_groups_by_aggregates_and_grouped_fields() {
        insert(org, "Account", "Name", "a", "Rating", "Hot");
        insert(org, "Account", "Name", "b", "Rating", "Hot");
        insert(org, "Account", "Name", "c", "Rating", "Cold");
        insert(org, "Account", "Name", "d", "Rating", "Warm");

        assertThat(groups("SELECT Rating FROM Account GROUP BY Rating HAVING COUNT(Id) > 1")).containsExactly("Hot");
        assertThat(groups("SELECT Rating FROM Account GROUP BY Rating HAVING COUNT(Id) = 1 AND Rating != 'Warm'")).containsExactly("Cold");
        assertThat(groups("SELECT Rating FROM Account GROUP BY Rating ORDER BY Rating DESC LIMIT 2 OFFSET 1")).containsExactly("Hot", "Cold");
    }

    @Test
    void more_groups_than_one_batch_holds_must_be_limited() {
        for (int i = 0; i <= SoqlExecutor.MAX_AGGREGATE_ROWS; i++) {
            insert(org, "Account", "Name", "n" + i);
        }

        assertThat(error("SELECT Name, COUNT(Id) FROM Account GROUP BY Name")).contains("Aggregate query does not support queryMore()");
        assertThat(run("SELECT Name, COUNT(Id) FROM Account GROUP BY Name LIMIT 2000").aggregateRows()).hasSize(2000);
    }

    @Test
    void aggregates_without_group_by_answer_one_row_even_over_no_records() {
        SoqlResult result = run("SELECT COUNT(Id), MAX(AnnualRevenue) top FROM Account");

        assertThat(result.aggregateRows()).singleElement().satisfies(row -> assertThat(row.values())
                .extracting(SoqlResult.AggregateValue::key, SoqlResult.AggregateValue::value)
                .containsExactly(tuple("expr0", 0L), tuple("top", null)));
    }

    @Test
    void aggregate_queries_are_checked_as_salesforce_checks_them() {
        assertThat(error("SELECT Name, COUNT(Id) FROM Account GROUP BY Rating")).endsWith("Field must be grouped or aggregated: Name");
        assertThat(error("SELECT SUM(Name) FROM Account")).endsWith("field Name does not support aggregate operator SUM");
        assertThat(error("SELECT Id FROM Account WHERE COUNT(Id) > 1")).endsWith("aggregate functions are not allowed in WHERE; filter on them with HAVING");
        assertThat(error("SELECT Id FROM Account HAVING Name = 'x'")).contains("HAVING needs GROUP BY");
        assertThat(error("SELECT Name n FROM Account")).contains("unexpected token: 'n'");
        assertThat(error("SELECT COUNT() FROM Account GROUP BY Rating")).contains("COUNT() must be the only element");
        assertThat(error("SELECT MAX(Name) FROM Account LIMIT 1")).contains("LIMIT cannot be used in a query with aggregate functions but no GROUP BY");
        assertThat(run("SELECT COUNT() FROM Account LIMIT 1").totalSize()).isZero();
    }

    @Test
    void child_subqueries_nest_each_parents_children_with_their_own_size_and_done() {
        String acme = insert(org, "Account", "Name", "Acme");
        insert(org, "Account", "Name", "Empty");
        insert(org, "Contact", "LastName", "Zed", "AccountId", acme);
        insert(org, "Contact", "LastName", "Abe", "AccountId", acme);
        insert(org, "Contact", "LastName", "Moe", "AccountId", acme);

        SoqlResult result = run("SELECT Name, (SELECT LastName FROM Contacts WHERE LastName != 'Moe' ORDER BY LastName) FROM Account ORDER BY Name");
        SoqlProjector projector = new SoqlProjector(result.plan());
        List<Map<String, Object>> rendered = result.records().stream().map(r -> projector.json(r, PLAIN)).toList();

        assertThat(rendered.getFirst().get("Contacts")).isEqualTo(Map.of("totalSize", 2, "done", true, "records", List.of(
                Map.of("attributes", Map.of("type", "Contact"), "LastName", "Abe"),
                Map.of("attributes", Map.of("type", "Contact"), "LastName", "Zed"))));
        assertThat(rendered.get(1)).containsEntry("Contacts", null);
        assertThat(error("SELECT Id, (SELECT Id FROM Nopes) FROM Account")).contains("Didn't understand relationship 'Nopes'");
        assertThat(error("SELECT Id, (SELECT Id, (SELECT Id FROM Contacts) FROM Contacts) FROM Account")).contains("cannot hold another subquery");
    }

    @Test
    void fields_functions_expand_to_readable_fields_and_all_or_custom_need_a_limit_of_200() {
        insert(org, "Account", "Name", "a", "Tier__c", "Gold");

        List<String> custom = columns("SELECT FIELDS(CUSTOM) FROM Account LIMIT 200");
        assertThat(custom).contains("Tier__c", "External_Key__c").doesNotContain("Name", "Id");
        assertThat(columns("SELECT FIELDS(STANDARD) FROM Account")).contains("Id", "Name").doesNotContain("Tier__c");
        assertThat(columns("SELECT FIELDS(ALL) FROM Account LIMIT 1")).contains("Id", "Tier__c");
        assertThat(error("SELECT FIELDS(ALL) FROM Account")).endsWith("The SOQL FIELDS function must have a LIMIT of at most 200");
        assertThat(error("SELECT FIELDS(CUSTOM) FROM Account LIMIT 201")).endsWith("The SOQL FIELDS function must have a LIMIT of at most 200");
        assertThat(error("SELECT Tier__c, FIELDS(CUSTOM) FROM Account LIMIT 10")).endsWith("duplicate field selected: Tier__c");
    }

    @Test
    void to_label_and_format_turn_values_into_what_users_see() {
        insert(org, "Account", "Name", "a", "Tier__c", "Gold", "AnnualRevenue", new BigDecimal("1234567"), "Founded__c", LocalDate.of(2020, 3, 4));

        SoqlResult result = run("SELECT toLabel(Tier__c), FORMAT(AnnualRevenue) rev, FORMAT(Founded__c) FROM Account");
        assertThat(new SoqlProjector(result.plan()).json(result.records().getFirst(), PLAIN))
                .containsEntry("Tier__c", "Gold").containsEntry("rev", "$1,234,567.00").containsEntry("Founded__c", "3/4/2020");
        assertThat(error("SELECT toLabel(Name) FROM Account")).contains("toLabel() is only valid on picklist fields");
        assertThat(error("SELECT Tier__c, toLabel(Tier__c) FROM Account")).contains("duplicate field selected: Tier__c");
        assertThat(run("SELECT Tier__c, toLabel(Tier__c) tierLabel FROM Account").records()).hasSize(1);
        assertThat(run("SELECT FORMAT(MIN(AnnualRevenue)) lowest FROM Account").aggregateRows().getFirst().values())
                .extracting(SoqlResult.AggregateValue::key, SoqlResult.AggregateValue::value, SoqlResult.AggregateValue::soapType)
                .containsExactly(tuple("lowest", "$1,234,567.00", "xsd:string"));
    }

    @Test
    void security_enforced_and_for_view_or_reference_are_accepted() {
        insert(org, "Account", "Name", "a");

        assertThat(run("SELECT Name FROM Account WITH SECURITY_ENFORCED ORDER BY Name NULLS LAST LIMIT 1 FOR VIEW").records()).hasSize(1);
        assertThat(run("SELECT Name FROM Account FOR REFERENCE").records()).hasSize(1);
    }

    private SoqlResult run(String soql) {
        return SoqlExecutor.execute(SoqlParser.parse(soql), org, admin, false);
    }

    private List<Object> groups(String soql) {
        return run(soql).aggregateRows().stream().map(row -> row.values().getFirst().value()).toList();
    }

    private List<String> columns(String soql) {
        return new SoqlProjector(SoqlPlanner.plan(soql, org, admin)).columnNames();
    }

    private String error(String soql) {
        return assertThatThrownBy(() -> run(soql)).isInstanceOf(SoqlError.class).actual().getMessage();
    }
}

package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.soql.SoqlQuery.Comparison;
import dev.sfsync.emulator.soql.SoqlQuery.Operator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SoqlParserTest {

    @Test
    void parses_fields_and_relationship_paths_in_select_order() {
        SoqlQuery query = SoqlParser.parse("SELECT Id, Name, Account.Owner.Name, Account__r.Name FROM Contact");

        assertThat(query.object()).isEqualTo("Contact");
        assertThat(query.select()).extracting(item -> ((SoqlQuery.SelectField) item).path().parts())
                .containsExactly(List.of("Id"), List.of("Name"), List.of("Account", "Owner", "Name"), List.of("Account__r", "Name"));
    }

    @Test
    void keywords_are_case_insensitive() {
        SoqlQuery query = SoqlParser.parse("select id from account where name like 'a%' order by name desc nulls first limit 5 offset 2");

        assertThat(query.where()).isInstanceOf(Comparison.class);
        assertThat(query.orderBy().getFirst().descending()).isTrue();
        assertThat(query.orderBy().getFirst().nullsFirst()).isTrue();
        assertThat(query.limit()).isEqualTo(5);
        assertThat(query.offset()).isEqualTo(2);
    }

    @Test
    void parses_count_forms_with_optional_alias() {
        SoqlQuery query = SoqlParser.parse("SELECT COUNT(Id) total, COUNT(Name) FROM Account");

        assertThat(query.select()).containsExactly(
                new SoqlQuery.SelectAggregate("COUNT", new SoqlQuery.FieldPath(List.of("Id"), 13), "total", 7),
                new SoqlQuery.SelectAggregate("COUNT", new SoqlQuery.FieldPath(List.of("Name"), 30), null, 24));
        assertThat(SoqlParser.parse("SELECT COUNT() FROM Account").select())
                .containsExactly(new SoqlQuery.SelectAggregate("COUNT", null, null, 7));
    }

    @Test
    void group_after_from_is_the_group_object_unless_by_follows() {
        assertThat(SoqlParser.parse("SELECT Id, Name FROM Group WHERE Type = 'Queue'").object()).isEqualTo("Group");
        assertThat(SoqlParser.parse("SELECT Id FROM Group").object()).isEqualTo("Group");
    }

    @Test
    void string_literals_decode_soql_escapes() {
        Comparison c = (Comparison) SoqlParser.parse("SELECT Id FROM Account WHERE Name = 'O\\'Brien \\\\ \\n\\t \\\" \\% \\_'").where();

        assertThat(((SoqlQuery.StringLiteral) c.value()).value()).isEqualTo("O'Brien \\ \n\t \" % _");
    }

    @Test
    void like_treats_only_unescaped_percent_and_underscore_as_wildcards() {
        Comparison c = (Comparison) SoqlParser.parse("SELECT Id FROM Account WHERE Name LIKE '50\\%_a%'").where();
        String regex = ((SoqlQuery.StringLiteral) c.value()).likePattern();

        assertThat("50%xabc".matches(regex)).isTrue();
        assertThat("50Xxabc".matches(regex)).isFalse();
    }

    @Test
    void parses_every_comparison_operator() {
        String[][] cases = {{"=", "EQ"}, {"!=", "NE"}, {"<>", "NE"}, {"<", "LT"}, {"<=", "LE"}, {">", "GT"}, {">=", "GE"}, {"LIKE", "LIKE"}};
        for (String[] c : cases) {
            Comparison parsed = (Comparison) SoqlParser.parse("SELECT Id FROM Account WHERE Name " + c[0] + " 'x'").where();
            assertThat(parsed.operator()).isEqualTo(Operator.valueOf(c[1]));
        }
        assertThat(((Comparison) SoqlParser.parse("SELECT Id FROM Account WHERE Name IN ('a','b')").where()).operator()).isEqualTo(Operator.IN);
        assertThat(((Comparison) SoqlParser.parse("SELECT Id FROM Account WHERE Name NOT IN ('a')").where()).operator()).isEqualTo(Operator.NOT_IN);
        assertThat(((Comparison) SoqlParser.parse("SELECT Id FROM Account WHERE Regions__c INCLUDES ('EMEA;AMER')").where()).operator()).isEqualTo(Operator.INCLUDES);
        assertThat(((Comparison) SoqlParser.parse("SELECT Id FROM Account WHERE Regions__c EXCLUDES ('APAC')").where()).operator()).isEqualTo(Operator.EXCLUDES);
    }

    @Test
    void parses_number_boolean_null_and_date_literals() {
        assertThat(literal("-12.5")).isEqualTo(new SoqlQuery.NumberLiteral(new BigDecimal("-12.5"), 40));
        assertThat(literal("TRUE")).isEqualTo(new SoqlQuery.BooleanLiteral(true, 40));
        assertThat(literal("null")).isEqualTo(new SoqlQuery.NullLiteral(40));
        assertThat(literal("2024-01-31")).isEqualTo(new SoqlQuery.DateLiteral(LocalDate.of(2024, 1, 31), 40));
        assertThat(literal("2024-01-31T10:00:00Z")).isEqualTo(new SoqlQuery.DateTimeLiteral(Instant.parse("2024-01-31T10:00:00Z"), 40));
        assertThat(literal("2024-01-31T10:00:00.250+02:00")).isEqualTo(new SoqlQuery.DateTimeLiteral(Instant.parse("2024-01-31T08:00:00.250Z"), 40));
        assertThat(literal("2024-01-31T10:00:00-0530")).isEqualTo(new SoqlQuery.DateTimeLiteral(Instant.parse("2024-01-31T15:30:00Z"), 40));
    }

    @Test
    void parses_relative_date_literals() {
        assertThat(literal("TODAY")).isEqualTo(new SoqlQuery.RelativeDate("TODAY", 0, 40));
        assertThat(literal("yesterday")).isEqualTo(new SoqlQuery.RelativeDate("YESTERDAY", 0, 40));
        assertThat(literal("TOMORROW")).isEqualTo(new SoqlQuery.RelativeDate("TOMORROW", 0, 40));
        assertThat(literal("LAST_N_DAYS:7")).isEqualTo(new SoqlQuery.RelativeDate("LAST_N_DAYS", 7, 40));
        assertThat(literal("NEXT_N_DAYS:30")).isEqualTo(new SoqlQuery.RelativeDate("NEXT_N_DAYS", 30, 40));
    }

    @Test
    void not_and_parentheses_build_the_expected_tree() {
        SoqlQuery.Condition where = SoqlParser.parse("SELECT Id FROM Account WHERE NOT (Name = 'a' OR Name = 'b') AND Site != null").where();

        assertThat(where).isInstanceOf(SoqlQuery.And.class);
        SoqlQuery.And and = (SoqlQuery.And) where;
        assertThat(and.operands().getFirst()).isInstanceOf(SoqlQuery.Not.class);
        assertThat(((SoqlQuery.Not) and.operands().getFirst()).operand()).isInstanceOf(SoqlQuery.Or.class);
    }

    @Test
    void mixing_and_with_or_without_parentheses_is_malformed() {
        assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Account WHERE Name = 'a' AND Site = 'b' OR Site = 'c'"))
                .isInstanceOfSatisfying(SoqlError.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
                    assertThat(e.getMessage()).endsWith("unexpected token: 'OR'");
                });
    }

    @Test
    void order_by_defaults_to_ascending_with_nulls_first_and_descending_with_nulls_last() {
        SoqlQuery query = SoqlParser.parse("SELECT Id FROM Account ORDER BY Name, Site DESC, Phone ASC NULLS LAST");

        assertThat(query.orderBy()).extracting(SoqlQuery.OrderItem::descending, SoqlQuery.OrderItem::nullsFirst)
                .containsExactly(tuple(false, true), tuple(true, false),
                        tuple(false, false));
    }

    @Test
    void incomplete_query_reports_eof_with_salesforce_position_format() {
        assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Account WHERE"))
                .isInstanceOfSatisfying(SoqlError.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "\nSELECT Id FROM Account WHERE\n                            ^\nERROR at Row:1:Column:29\nunexpected token: '<EOF>'"));
    }

    @Test
    void unexpected_token_names_the_token_and_its_row_and_column() {
        assertThatThrownBy(() -> SoqlParser.parse("SELECT Id\nFROM Account LIMIT x"))
                .isInstanceOfSatisfying(SoqlError.class, e -> assertThat(e.getMessage())
                        .contains("ERROR at Row:2:Column:20").endsWith("unexpected token: 'x'"));
    }

    @Test
    void parses_every_clause_in_salesforce_order() {
        SoqlQuery query = SoqlParser.parse("SELECT Industry ind, COUNT(Id) cnt, MAX(AnnualRevenue) FROM Account WHERE Name != null "
                + "WITH SECURITY_ENFORCED GROUP BY Industry HAVING COUNT(Id) > 1 ORDER BY COUNT(Id) DESC NULLS LAST LIMIT 5 OFFSET 1 FOR VIEW");

        assertThat(query.select()).hasSize(3);
        assertThat(((SoqlQuery.SelectField) query.select().getFirst()).alias()).isEqualTo("ind");
        assertThat(query.groupBy()).extracting(SoqlQuery.FieldPath::toString).containsExactly("Industry");
        assertThat(query.having()).isInstanceOf(SoqlQuery.AggregateComparison.class);
        assertThat(query.orderBy().getFirst().aggregate().function()).isEqualTo("COUNT");
        assertThat(query.orderBy().getFirst().nullsFirst()).isFalse();
        assertThat(query.limit()).isEqualTo(5);
    }

    @Test
    void parses_subqueries_fields_groups_and_wrappers() {
        SoqlQuery query = SoqlParser.parse("SELECT toLabel(Rating), FORMAT(AnnualRevenue) rev, FIELDS(CUSTOM), "
                + "(SELECT LastName FROM Contacts WHERE LastName LIKE 'A%' ORDER BY LastName LIMIT 2) FROM Account LIMIT 200");

        assertThat(query.select().get(0)).isEqualTo(new SoqlQuery.SelectField(new SoqlQuery.FieldPath(List.of("Rating"), 15), "TOLABEL", null));
        assertThat(((SoqlQuery.SelectField) query.select().get(1)).alias()).isEqualTo("rev");
        assertThat(query.select().get(2)).isEqualTo(new SoqlQuery.SelectFields("CUSTOM", 51));
        SoqlQuery sub = ((SoqlQuery.SelectSubquery) query.select().get(3)).query();
        assertThat(sub.object()).isEqualTo("Contacts");
        assertThat(sub.limit()).isEqualTo(2);
    }

    @Test
    void unsupported_syntax_fails_as_malformed_query_naming_the_feature() {
        assertThat(error("SELECT Name, COUNT(Id) FROM Account GROUP BY ROLLUP(Name)")).contains("GROUP BY ROLLUP is not supported");
        assertThat(error("SELECT CALENDAR_YEAR(CreatedDate) FROM Account")).contains("CALENDAR_YEAR() is not supported");
        assertThat(error("SELECT TYPEOF What ELSE Name END FROM Task")).contains("TYPEOF What needs at least one WHEN");
        assertThat(error("SELECT Id FROM Account WITH USER_MODE")).contains("WITH USER_MODE is not supported");
        assertThat(error("SELECT Id FROM Account USING SCOPE mine")).contains("USING clauses are not supported");
        assertThat(error("SELECT Id FROM Account LIMIT 1 FOR UPDATE")).contains("FOR UPDATE is not supported");
        assertThat(error("SELECT Id FROM Account ORDER BY Name WHERE Name = 'x'")).contains("unexpected token: 'WHERE'");
        assertThat(error("SELECT Id FROM Account WHERE CreatedDate = THIS_MONTH")).contains("date literal THIS_MONTH is not supported");
        assertThat(error("SELECT Id FROM Account WHERE Name = 'unterminated")).contains("unterminated string literal");
        assertThat(error("SELECT Id FROM Account WHERE Name = 'bad \\q escape'")).contains("Illegal character sequence '\\q'");
    }

    @Test
    void semi_join_parses_its_subquery() {
        SoqlQuery.SemiJoin join = (SoqlQuery.SemiJoin) SoqlParser.parse(
                "SELECT Id FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact WHERE LastName = 'x')").where();

        assertThat(join.negated()).isTrue();
        assertThat(join.subquery().object()).isEqualTo("Contact");
        assertThat(join.subquery().where()).isInstanceOf(Comparison.class);
    }

    private static SoqlQuery.Literal literal(String text) {
        return ((Comparison) SoqlParser.parse("SELECT Id FROM Account WHERE Score__c = " + text).where()).value();
    }

    private static String error(String query) {
        try {
            SoqlParser.parse(query);
        } catch (SoqlError e) {
            assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
            return e.getMessage();
        }
        throw new AssertionError("parsed without error: " + query);
    }
}

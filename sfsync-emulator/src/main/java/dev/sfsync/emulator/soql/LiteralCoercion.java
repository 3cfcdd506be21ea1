package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.soql.SoqlQuery.Literal;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Turns a literal into a {@link Bound} in the type of the field it is compared with, failing as Salesforce does when
 * the literal has the wrong type. Relative dates are days in UTC, the emulator's only time zone.
 */
final class LiteralCoercion {
    private final String query;
    private final LocalDate today;

    LiteralCoercion(String query, LocalDate today) {
        this.query = query;
        this.today = today;
    }

    Bound bound(ResolvedField field, ValueKind kind, Literal literal, int fieldPosition, String writtenPath) {
        Bound bound = switch (kind) {
            case TEXT, MULTIPICKLIST -> literal instanceof SoqlQuery.StringLiteral s ? Bound.of(s.value()) : null;
            case ID -> literal instanceof SoqlQuery.StringLiteral s ? Bound.of(id(s)) : null;
            case BOOLEAN -> literal instanceof SoqlQuery.BooleanLiteral b ? Bound.of(b.value()) : null;
            case NUMBER -> literal instanceof SoqlQuery.NumberLiteral n ? Bound.of(n.value()) : null;
            case DATE -> switch (literal) {
                case SoqlQuery.DateLiteral d -> Bound.of(d.value());
                case SoqlQuery.RelativeDate r -> Bound.range(start(r), end(r).plusDays(1));
                default -> null;
            };
            case DATETIME -> switch (literal) {
                case SoqlQuery.DateTimeLiteral d -> Bound.of(d.value());
                case SoqlQuery.RelativeDate r -> Bound.range(start(r).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        end(r).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                default -> null;
            };
        };
        if (bound == null) {
            throw SoqlError.at(SoqlError.INVALID_FIELD, query, fieldPosition, "value of filter criterion for field '" + writtenPath
                    + "' must be of type " + kind.literalType(field.field()) + " and should " + (kind.quoted() ? "" : "not ")
                    + "be enclosed in quotes");
        }
        return bound;
    }

    private String id(SoqlQuery.StringLiteral literal) {
        return SalesforceIds.normalize(literal.value()).orElseThrow(() -> SoqlError.at(SoqlError.INVALID_QUERY_FILTER_OPERATOR,
                query, literal.position(), "invalid ID field: " + literal.value()));
    }

    private LocalDate start(SoqlQuery.RelativeDate date) {
        return switch (date.name()) {
            case "YESTERDAY" -> today.minusDays(1);
            case "TOMORROW" -> today.plusDays(1);
            case "LAST_N_DAYS" -> today.minusDays(date.n());
            case "NEXT_N_DAYS" -> today.plusDays(1);
            default -> today;
        };
    }

    /** Inclusive; LAST_N_DAYS:n runs from n days ago through today, NEXT_N_DAYS:n from tomorrow for n days. */
    private LocalDate end(SoqlQuery.RelativeDate date) {
        return switch (date.name()) {
            case "YESTERDAY" -> today.minusDays(1);
            case "TOMORROW" -> today.plusDays(1);
            case "NEXT_N_DAYS" -> today.plusDays(date.n());
            default -> today;
        };
    }
}

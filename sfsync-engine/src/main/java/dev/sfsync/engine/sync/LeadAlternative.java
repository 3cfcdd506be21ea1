package dev.sfsync.engine.sync;

import java.util.List;
import java.util.Objects;

/**
 * The Lead half of a multi-object sync (Contact or Lead, Account or Lead): each row updates the sync's object when a
 * record there has its match value, else a Lead that has it in {@code field}, else creates a record of the sync's
 * object, or a Lead when {@code createLeads}.
 *
 * @param field    the Lead's external ID field holding the same values as the sync's match field (the field the
 *                 Lead's match field is mapped to at conversion)
 * @param mappings what the sync sets on Leads (the sync's own mappings are for its object)
 */
public record LeadAlternative(String field, List<FieldMapping> mappings, boolean createLeads) {
    public static final String OBJECT = "Lead";

    public LeadAlternative {
        Objects.requireNonNull(field, "field is null");
        mappings = List.copyOf(mappings);
    }

    /** The sync as it writes Leads: matched on the Lead's field, with the Lead mappings. */
    public static SyncDefinition leadHalf(SyncDefinition sync) {
        LeadAlternative lead = sync.options().orLead().orElseThrow();
        Match match = new Match(sync.match().map(Match::column).orElseThrow(), lead.field());
        return new SyncDefinition(sync.name(), sync.model(), sync.connection(), OBJECT, sync.mode(), java.util.Optional.of(match), lead.mappings(),
                List.of(), DeleteBehaviour.NOTHING, ApiChoice.REST, sync.batchSize(), sync.parallelism(), sync.retry(), SyncOptions.DEFAULTS);
    }
}

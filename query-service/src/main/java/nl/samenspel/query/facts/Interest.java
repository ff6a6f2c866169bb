package nl.samenspel.query.facts;

import nl.samenspel.kernel.ambition.Disclosure;
import nl.samenspel.kernel.ambition.InterestScope;
import nl.samenspel.kernel.network.Motive;

import java.time.LocalDate;
import java.util.UUID;

/** A partner's interest as it was named. */
public record Interest(UUID partnerId, InterestScope scope, Motive motive, Disclosure disclosure, String summary,
                       LocalDate occurredOn, String eventId) {
}

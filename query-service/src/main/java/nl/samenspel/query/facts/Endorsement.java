package nl.samenspel.query.facts;

import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.people.Level;

import java.time.LocalDate;
import java.util.UUID;

/** A partner's stance, at one level, on a version of the ambition. */
public record Endorsement(UUID partnerId, Level level, Integer ambitionVersion, Stance stance, LocalDate occurredOn,
                          String eventId) {
}

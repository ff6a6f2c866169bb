package nl.samenspel.query.facts;

import nl.samenspel.kernel.people.DepartureReason;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.Level;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Someone who represents a partner at one level of the figure eight (achtje), from appointment until departure. The
 * person is named only by {@code personRef}; names live in the erasable people directory. A departure without a
 * matching appointment (say, the appointment was retracted) is kept with no appointment date.
 */
public record Representative(UUID partnerId, String personRef, Level level, String role, LocalDate appointedOn,
                             LocalDate departedOn, Handover handover, DepartureReason departureReason,
                             String eventId, String departureEventId) {

    public boolean current() {
        return departedOn == null;
    }
}

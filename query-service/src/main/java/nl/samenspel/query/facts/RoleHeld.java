package nl.samenspel.query.facts;

import nl.samenspel.kernel.people.LeadRole;

import java.time.LocalDate;
import java.util.UUID;

/** A role someone holds (or held) for the network as a whole, on behalf of a partner. */
public record RoleHeld(LeadRole role, String personRef, UUID partnerId, boolean grantedByNetwork, LocalDate since,
                       LocalDate endedOn, String eventId, String endEventId) {

    public boolean active() {
        return endedOn == null;
    }
}

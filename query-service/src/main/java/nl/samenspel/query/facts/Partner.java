package nl.samenspel.query.facts;

import nl.samenspel.kernel.network.Motive;
import nl.samenspel.kernel.network.ParticipationLevel;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An organisation in the network, with its participation level over time. It stays listed after it withdrew, so that
 * older facts naming it still read well.
 */
public record Partner(UUID partnerId, String name, String partnerType, ParticipationLevel participationLevel,
                      List<LevelChange> participationHistory, Set<Motive> motives, LocalDate joinedOn,
                      LocalDate withdrawnOn, String withdrawalReason, String eventId) {

    /** The participation level from a date on. */
    public record LevelChange(ParticipationLevel level, LocalDate since, String eventId) {
    }

    public Partner {
        participationHistory = Lists.copy(participationHistory);
        motives = Lists.enumSet(Motive.class, motives);
    }

    public boolean active() {
        return withdrawnOn == null;
    }
}

package nl.samenspel.kernel.network;

import nl.samenspel.kernel.Source;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** An organisation joined the network as a partner. */
public record PartnerJoined(UUID networkId,
                            UUID partnerId,
                            String name,
                            String partnerType,
                            ParticipationLevel participationLevel,
                            Set<Motive> motives,
                            LocalDate occurredOn,
                            Source source,
                            String note) implements NetworkEvent {
    public PartnerJoined {
        motives = Motives.normalised(motives);
    }
}

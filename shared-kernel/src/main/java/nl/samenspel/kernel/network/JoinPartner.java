package nl.samenspel.kernel.network;

import nl.samenspel.kernel.Source;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** Let an organisation join the network as a partner. */
public record JoinPartner(@TargetAggregateIdentifier UUID networkId,
                          UUID commandId,
                          UUID partnerId,
                          String name,
                          String partnerType,
                          ParticipationLevel participationLevel,
                          Set<Motive> motives,
                          LocalDate occurredOn,
                          Source source,
                          String note) implements NetworkCommand {
    public JoinPartner {
        motives = Motives.normalised(motives);
    }
}

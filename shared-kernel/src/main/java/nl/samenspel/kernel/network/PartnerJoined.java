package nl.samenspel.kernel.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** An organisation joined the network as a partner. */
public record PartnerJoined(@NotNull UUID networkId,
                            @NotNull UUID partnerId,
                            @NotBlank @Size(max = 200) @Name String name,
                            @NotBlank @Size(max = 100) @Name String partnerType,
                            @NotNull ParticipationLevel participationLevel,
                            Set<@NotNull Motive> motives,
                            @NotNull LocalDate occurredOn,
                            Source source,
                            @Size(max = 2000) String note) implements NetworkEvent {
    public PartnerJoined {
        motives = Motives.normalised(motives);
    }
}

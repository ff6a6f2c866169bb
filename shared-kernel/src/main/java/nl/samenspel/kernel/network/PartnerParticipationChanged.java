package nl.samenspel.kernel.network;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;

import java.time.LocalDate;
import java.util.UUID;

/** A partner takes part more or less deeply than before. */
public record PartnerParticipationChanged(@NotNull UUID networkId,
                                          @NotNull UUID partnerId,
                                          @NotNull ParticipationLevel participationLevel,
                                          @NotNull LocalDate occurredOn,
                                          Source source,
                                          @Size(max = 2000) String note) implements NetworkEvent {
}

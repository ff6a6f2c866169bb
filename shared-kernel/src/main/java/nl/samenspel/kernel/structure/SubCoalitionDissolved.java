package nl.samenspel.kernel.structure;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A sub-coalition was dissolved. */
public record SubCoalitionDissolved(@NotNull UUID networkId,
                                    @NotNull UUID coalitionId,
                                    @NotNull LocalDate occurredOn,
                                    Source source,
                                    @Size(max = 2000) String note) implements NetworkEvent {
}

package nl.samenspel.kernel.network;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;

import java.time.LocalDate;
import java.util.UUID;

/** The network moved to another phase, with the reason why. */
public record PhaseChanged(@NotNull UUID networkId,
                           @NotNull Phase phase,
                           @Size(max = 2000) String rationale,
                           @NotNull LocalDate occurredOn,
                           Source source,
                           @Size(max = 2000) String note) implements NetworkEvent {
}

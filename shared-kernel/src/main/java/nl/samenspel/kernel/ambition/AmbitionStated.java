package nl.samenspel.kernel.ambition;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A (new version of the) shared ambition was put into words. */
public record AmbitionStated(@NotNull UUID networkId,
                             @NotNull @Min(1) Integer version,
                             @NotBlank @Size(max = 4000) String statement,
                             @NotNull LocalDate occurredOn,
                             Source source,
                             @Size(max = 2000) String note) implements NetworkEvent {
}

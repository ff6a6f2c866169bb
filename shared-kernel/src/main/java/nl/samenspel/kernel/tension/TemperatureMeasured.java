package nl.samenspel.kernel.tension;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A reading of the conflict thermometer for the network or for a pair of partners. */
public record TemperatureMeasured(@NotNull UUID networkId,
                                  @Size(min = 2, max = 2) List<@NotNull UUID> pair,
                                  @NotNull @Min(1) @Max(4) Integer level,
                                  Set<@NotNull Signal> signals,
                                  @NotNull LocalDate occurredOn,
                                  Source source,
                                  @Size(max = 2000) String note) implements NetworkEvent {
}

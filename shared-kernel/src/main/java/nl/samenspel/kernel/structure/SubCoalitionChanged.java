package nl.samenspel.kernel.structure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A sub-coalition changed its name, issue or members. */
public record SubCoalitionChanged(@NotNull UUID networkId,
                                  @NotNull UUID coalitionId,
                                  @NotBlank @Size(max = 200) @Name String name,
                                  @Size(max = 2000) String issue,
                                  @NotNull @Size(min = 2) List<@NotNull UUID> memberIds,
                                  @NotNull LocalDate occurredOn,
                                  Source source,
                                  @Size(max = 2000) String note) implements NetworkEvent {
}

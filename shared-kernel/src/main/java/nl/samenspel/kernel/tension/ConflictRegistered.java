package nl.samenspel.kernel.tension;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A conflict between partners was registered. */
public record ConflictRegistered(@NotNull UUID networkId,
                                 @NotNull UUID conflictId,
                                 @NotNull @Size(min = 2) List<@NotNull UUID> partyIds,
                                 @NotBlank @Size(max = 2000) String issue,
                                 @NotNull LocalDate occurredOn,
                                 Source source,
                                 @Size(max = 2000) String note) implements NetworkEvent {
}

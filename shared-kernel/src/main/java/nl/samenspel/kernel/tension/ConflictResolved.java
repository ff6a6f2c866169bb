package nl.samenspel.kernel.tension;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A conflict was resolved. */
public record ConflictResolved(@NotNull UUID networkId,
                               @NotNull UUID conflictId,
                               @NotBlank @Size(max = 2000) String resolution,
                               @NotNull LocalDate occurredOn,
                               Source source,
                               @Size(max = 2000) String note) implements NetworkEvent {
}

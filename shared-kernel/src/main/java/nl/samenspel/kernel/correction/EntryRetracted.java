package nl.samenspel.kernel.correction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.UUID;

/** An earlier entry of this network was withdrawn as mistaken; it stays in the history. */
public record EntryRetracted(@NotNull UUID networkId,
                             @NotBlank @Size(max = 100) @Name String targetEventId,
                             @NotBlank @Size(max = 2000) String reason,
                             @NotNull LocalDate occurredOn,
                             Source source,
                             @Size(max = 2000) String note) implements NetworkEvent {
}

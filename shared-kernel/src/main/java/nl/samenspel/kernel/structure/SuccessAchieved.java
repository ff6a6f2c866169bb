package nl.samenspel.kernel.structure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.UUID;

/** The network achieved a success: a grant, a tender, a milestone. */
public record SuccessAchieved(@NotNull UUID networkId,
                              @NotNull SuccessKind kind,
                              @NotBlank @Size(max = 200) @Name String title,
                              @NotNull LocalDate occurredOn,
                              Source source,
                              @Size(max = 2000) String note) implements NetworkEvent {
}

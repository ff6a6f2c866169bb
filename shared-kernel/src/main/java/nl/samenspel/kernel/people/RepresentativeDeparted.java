package nl.samenspel.kernel.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.UUID;

/** A representative of a partner left (staff turnover). */
public record RepresentativeDeparted(@NotNull UUID networkId,
                                     @NotNull UUID partnerId,
                                     @NotBlank @Size(max = 100) @Name String personRef,
                                     @NotNull Level level,
                                     @NotNull Handover handover,
                                     @NotNull DepartureReason reason,
                                     @NotNull LocalDate occurredOn,
                                     Source source,
                                     @Size(max = 2000) String note) implements NetworkEvent {
}

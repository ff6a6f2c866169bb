package nl.samenspel.kernel.tension;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A conflict moved on the de-escalation ladder. */
public record ConflictProgressed(@NotNull UUID networkId,
                                 @NotNull UUID conflictId,
                                 @NotNull @Min(1) @Max(5) Integer ladderStep,
                                 @NotNull Intervention intervention,
                                 @NotNull LocalDate occurredOn,
                                 Source source,
                                 @Size(max = 2000) String note) implements NetworkEvent {
}

package nl.samenspel.kernel.ambition;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.people.Level;

import java.time.LocalDate;
import java.util.UUID;

/** A partner took a stance, at one level, on a version of the ambition. */
public record AmbitionEndorsed(@NotNull UUID networkId,
                               @NotNull UUID partnerId,
                               @NotNull Level level,
                               @NotNull @Min(1) Integer ambitionVersion,
                               @NotNull Stance stance,
                               @NotNull LocalDate occurredOn,
                               Source source,
                               @Size(max = 2000) String note) implements NetworkEvent {
}

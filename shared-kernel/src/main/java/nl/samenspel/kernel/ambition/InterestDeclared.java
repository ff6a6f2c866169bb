package nl.samenspel.kernel.ambition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.Motive;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A partner's interest was named. */
public record InterestDeclared(@NotNull UUID networkId,
                               @NotNull UUID partnerId,
                               @NotNull InterestScope scope,
                               @NotNull Motive motive,
                               @NotNull Disclosure disclosure,
                               @NotBlank @Size(max = 2000) String summary,
                               @NotNull LocalDate occurredOn,
                               Source source,
                               @Size(max = 2000) String note) implements NetworkEvent {
}

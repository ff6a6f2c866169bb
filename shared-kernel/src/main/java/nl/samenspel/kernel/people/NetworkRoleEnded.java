package nl.samenspel.kernel.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.UUID;

/** Someone's role for the network ended. */
public record NetworkRoleEnded(@NotNull UUID networkId,
                               @NotNull LeadRole role,
                               @NotBlank @Size(max = 100) @Name String personRef,
                               @NotNull UUID partnerId,
                               @NotNull LocalDate occurredOn,
                               Source source,
                               @Size(max = 2000) String note) implements NetworkEvent {
}

package nl.samenspel.kernel.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;

import java.time.LocalDate;
import java.util.UUID;

/** A partner left the network. Later facts naming it are refused unless they happened before it left. */
public record PartnerWithdrew(@NotNull UUID networkId,
                              @NotNull UUID partnerId,
                              @NotBlank @Size(max = 2000) String reason,
                              @NotNull LocalDate occurredOn,
                              Source source,
                              @Size(max = 2000) String note) implements NetworkEvent {
}

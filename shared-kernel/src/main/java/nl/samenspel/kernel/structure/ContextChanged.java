package nl.samenspel.kernel.structure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.UUID;

/** Something changed around the network: funding, politics, rules, capacity, the market. */
public record ContextChanged(@NotNull UUID networkId,
                             @NotNull ContextKind kind,
                             UUID partnerId,
                             @NotNull Direction direction,
                             @NotBlank @Size(max = 2000) String summary,
                             @NotNull LocalDate occurredOn,
                             Source source,
                             @Size(max = 2000) String note) implements NetworkEvent {
}

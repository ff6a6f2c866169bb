package nl.samenspel.kernel.exchange;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.UUID;

/** How a partner experiences the balance of give and take. */
public record BalanceAssessed(@NotNull UUID networkId,
                              @NotNull UUID partnerId,
                              @NotNull BalanceRating rating,
                              @NotNull LocalDate occurredOn,
                              Source source,
                              @Size(max = 2000) String note) implements NetworkEvent {
}

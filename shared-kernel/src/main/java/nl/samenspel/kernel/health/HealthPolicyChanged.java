package nl.samenspel.kernel.health;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The network chose other thresholds or windows for its health views (keys of {@link HealthPolicy}); from
 * {@code occurredOn} on they replace the defaults. Part of the history like every other entry.
 */
public record HealthPolicyChanged(@NotNull UUID networkId,
                                  @NotEmpty Map<@NotNull String, @NotNull Double> overrides,
                                  @NotNull LocalDate occurredOn,
                                  Source source,
                                  @Size(max = 2000) String note) implements NetworkEvent {
}

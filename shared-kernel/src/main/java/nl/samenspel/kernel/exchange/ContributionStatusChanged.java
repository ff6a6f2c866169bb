package nl.samenspel.kernel.exchange;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A pledged contribution was delivered, or a contribution withdrawn. */
public record ContributionStatusChanged(@NotNull UUID networkId,
                                        @NotNull UUID contributionId,
                                        @NotNull ContributionStatus status,
                                        @NotNull LocalDate occurredOn,
                                        Source source,
                                        @Size(max = 2000) String note) implements NetworkEvent {
}

package nl.samenspel.kernel.structure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Someone asked partners to account for the network's results. */
public record AccountabilityRequested(@NotNull UUID networkId,
                                      @NotBlank @Size(max = 200) @Name String requester,
                                      @NotEmpty List<@NotNull UUID> partnerIds,
                                      @NotNull Boolean alignedWithOtherRequests,
                                      @NotNull LocalDate occurredOn,
                                      Source source,
                                      @Size(max = 2000) String note) implements NetworkEvent {
}

package nl.samenspel.kernel.structure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A shared picture of the region was made, from figures and from stories. */
public record RegionalAnalysisShared(@NotNull UUID networkId,
                                     @NotBlank @Size(max = 200) @Name String title,
                                     List<@NotBlank @Size(max = 200) String> quantitativeSources,
                                     List<@NotBlank @Size(max = 200) String> qualitativeSources,
                                     List<@NotNull UUID> endorsingPartnerIds,
                                     @NotNull LocalDate occurredOn,
                                     Source source,
                                     @Size(max = 2000) String note) implements NetworkEvent {
}

package nl.samenspel.kernel.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.UUID;

/** A network was founded, with its shared societal task (opgave). */
public record NetworkFounded(@NotNull UUID networkId,
                             @NotBlank @Size(max = 200) @Name String name,
                             @Size(max = 200) @Name String sector,
                             @Size(max = 200) @Name String region,
                             @NotNull CollaborationForm collaborationForm,
                             @Size(max = 2000) String societalTask,
                             @NotNull LocalDate foundedOn,
                             Source source,
                             @Size(max = 2000) String note) implements NetworkEvent {
    @Override
    public LocalDate occurredOn() {
        return foundedOn;
    }
}

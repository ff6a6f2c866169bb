package nl.samenspel.kernel.network;

import nl.samenspel.kernel.Source;

import java.time.LocalDate;
import java.util.UUID;

/** A network was founded, with its shared societal task (opgave). */
public record NetworkFounded(UUID networkId,
                             String name,
                             String sector,
                             String region,
                             CollaborationForm collaborationForm,
                             String societalTask,
                             LocalDate foundedOn,
                             Source source,
                             String note) implements NetworkEvent {
    @Override
    public LocalDate occurredOn() {
        return foundedOn;
    }
}

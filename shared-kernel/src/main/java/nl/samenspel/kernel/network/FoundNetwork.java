package nl.samenspel.kernel.network;

import nl.samenspel.kernel.Source;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Found a network (samenwerkingsverband): the start of its history. */
public record FoundNetwork(@TargetAggregateIdentifier UUID networkId,
                           UUID commandId,
                           String name,
                           String sector,
                           String region,
                           CollaborationForm collaborationForm,
                           String societalTask,
                           LocalDate foundedOn,
                           Source source,
                           String note) implements NetworkCommand {
}

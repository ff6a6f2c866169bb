package nl.samenspel.command.network;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.UUID;
import java.util.stream.Stream;

/** Reads a network's logged events back, for the rare decisions that need more than the aggregate's decision state. */
@FunctionalInterface
public interface NetworkHistory {

    /** The events of {@code networkId} from sequence number {@code firstSequence} on, in order, read lazily. */
    Stream<? extends DomainEventMessage<?>> from(UUID networkId, long firstSequence);
}

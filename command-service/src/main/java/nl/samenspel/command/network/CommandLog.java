package nl.samenspel.command.network;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Finds what commands already logged, by their ids, in any network: how a resend is told from a new command. */
@FunctionalInterface
public interface CommandLog {

    /** The events logged by commands with these ids (one per command id that was used), in any order. */
    List<? extends DomainEventMessage<?>> loggedBy(Collection<UUID> commandIds);
}

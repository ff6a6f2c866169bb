package nl.samenspel.command.api;

import nl.samenspel.kernel.network.CommandOutcome;
import nl.samenspel.kernel.network.ImportEntries;
import nl.samenspel.kernel.network.ImportOutcome;
import nl.samenspel.kernel.network.NetworkCommand;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.support.security.Actor;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Sends commands to the Network aggregate. When another writer changed the same network in between (an optimistic
 * concurrency conflict), the command is simply decided again on the new state; a resend of a command that got
 * through in the meantime then answers with the first result.
 */
@Component
public class CommandDispatcher {
    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);
    private static final int ATTEMPTS = 5;
    /** Metadata keys of the recording user and the role they acted in. */
    public static final String RECORDED_BY = "recordedBy";
    public static final String RECORDED_AS = "recordedAs";

    private final CommandGateway gateway;

    public CommandDispatcher(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Sends the command on behalf of {@code actor}. Who recorded it travels as metadata set here, from the login,
     * and is copied onto every event the command causes; nothing in a request body can set it.
     */
    public CommandOutcome dispatch(NetworkCommand command, Actor actor) {
        return send(command, actor);
    }

    /** Sends an import; its entries are logged in one commit, or (when a line is refused) none of them. */
    public ImportOutcome dispatch(ImportEntries command, Actor actor) {
        return send(command, actor);
    }

    private <R> R send(NetworkCommand command, Actor actor) {
        CommandMessage<NetworkCommand> message = GenericCommandMessage.<NetworkCommand>asCommandMessage(command)
                .andMetaData(Map.of(RECORDED_BY, actor.userId(), RECORDED_AS, actor.actingAs()));
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(message);
            } catch (ConcurrencyException | AggregateStreamCreationException conflict) {
                if (attempt == ATTEMPTS) {
                    throw RuleViolation.conflict("networkId", "the network is being changed by others; try again");
                }
                log.debug("Concurrent change of network {}, deciding {} again", command.networkId(), command.commandId());
            }
        }
    }

    /** The id of what a command creates, derived from its command id so that a resend names the same thing. */
    public static UUID derivedId(String kind, UUID commandId) {
        return UUID.nameUUIDFromBytes((kind + ":" + commandId).getBytes(StandardCharsets.UTF_8));
    }
}

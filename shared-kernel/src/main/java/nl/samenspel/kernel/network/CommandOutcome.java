package nl.samenspel.kernel.network;

import java.util.UUID;

/**
 * What a handled command answers: the network, the subject it created or changed (a partner, an agreement, ...), the
 * id of the logged entry (to correct or retract it later), and whether this is a resend of a command that was already
 * handled (then nothing new was logged).
 */
public record CommandOutcome(UUID commandId, UUID networkId, UUID subjectId, String eventId, boolean replayed) {

    public CommandOutcome asReplay() {
        return new CommandOutcome(commandId, networkId, subjectId, eventId, true);
    }
}

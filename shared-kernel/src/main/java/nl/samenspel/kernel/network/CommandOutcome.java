package nl.samenspel.kernel.network;

import java.util.UUID;

/**
 * What a handled command answers: the network, the subject it created or changed (a partner, say), and whether this
 * is the first handling or a resend of a command that was already handled (then nothing new was logged).
 */
public record CommandOutcome(UUID commandId, UUID networkId, UUID subjectId, boolean replayed) {

    public CommandOutcome asReplay() {
        return new CommandOutcome(commandId, networkId, subjectId, true);
    }
}

package nl.samenspel.kernel.network;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/**
 * Log a whole file of entries for a network, all or nothing: every line is checked, in order, against the network as
 * it would be after the lines before it, and the entries are logged together only when no line is refused. With
 * {@code checkOnly} the lines are only checked and nothing is logged.
 *
 * <p>Each line carries a command id of its own, so a line is idempotent exactly like the same entry sent on its own.
 */
public record ImportEntries(@TargetAggregateIdentifier UUID networkId, UUID commandId, List<Line> lines,
                            boolean checkOnly) implements NetworkCommand {

    public ImportEntries {
        lines = List.copyOf(lines);
    }

    /** One entry of the file, with the line it starts on (for the report) and its own command id. */
    public record Line(int number, UUID commandId, NetworkEvent entry) {

        /** The same entry as a single command, which is what the line's idempotency is judged by. */
        public RecordEntry asRecordEntry(UUID networkId) {
            return new RecordEntry(networkId, commandId, entry);
        }
    }
}

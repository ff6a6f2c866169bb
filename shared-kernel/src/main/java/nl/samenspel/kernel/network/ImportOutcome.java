package nl.samenspel.kernel.network;

import java.util.List;
import java.util.UUID;

/**
 * What a clean import answers: the outcome of every line, in the order of the file. A line that resends an entry
 * already logged under its command id is marked replayed and logged nothing new; after a check-only import no line
 * has an event id.
 */
public record ImportOutcome(UUID commandId, UUID networkId, List<CommandOutcome> lines, boolean checkOnly) {

    public ImportOutcome {
        lines = List.copyOf(lines);
    }

    /** The event ids of the entries this import logged, in file order. */
    public List<String> loggedEventIds() {
        return lines.stream().filter(line -> !line.replayed() && line.eventId() != null)
                    .map(CommandOutcome::eventId).toList();
    }
}

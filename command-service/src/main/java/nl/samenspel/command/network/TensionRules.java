package nl.samenspel.command.network;

import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.tension.ConflictProgressed;
import nl.samenspel.kernel.tension.ConflictRegistered;
import nl.samenspel.kernel.tension.ConflictResolved;
import nl.samenspel.kernel.tension.TemperatureMeasured;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The rules of the tension group: a temperature names the network or two different active partners, and a conflict
 * between active partners progresses and is resolved while it is open.
 */
final class TensionRules extends GroupRules {
    TensionRules(NetworkState state, String prefix) {
        super(state, prefix);
    }

    @Override
    void check(NetworkEvent entry) {
        LocalDate on = entry.occurredOn();
        if (entry instanceof TemperatureMeasured e) {
            if (e.pair() != null) {
                if (e.pair().get(0).equals(e.pair().get(1))) {
                    throw invalid("pair", "names two different partners (leave it out for the whole network)");
                }
                activeAll("pair", e.pair(), on);
            }
        } else if (entry instanceof ConflictRegistered e) {
            each(() -> fresh("conflictId", state.openConflicts.containsKey(e.conflictId())),
                 () -> activeAll("partyIds", e.partyIds(), on));
        } else if (entry instanceof ConflictProgressed e) {
            openConflict(e.conflictId());
            notBeforeStart(on, e.conflictId(), "the conflict was registered");
        } else if (entry instanceof ConflictResolved e) {
            openConflict(e.conflictId());
            notBeforeStart(on, e.conflictId(), "the conflict was registered");
        }
    }

    private void openConflict(UUID conflictId) {
        Boolean open = state.openConflicts.get(conflictId);
        if (open == null) {
            throw notFound("conflictId", "no conflict with this id in this network");
        }
        if (!open) {
            throw conflict("conflictId", "this conflict was resolved");
        }
    }
}

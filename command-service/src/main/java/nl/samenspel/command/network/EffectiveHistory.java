package nl.samenspel.command.network;

import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.network.NetworkEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network's history with corrections applied and retractions left out, rebuilt from the logged events for the
 * rare decisions that need more than the decision state: judging a correction or retraction, and folding the
 * decision state again after one.
 */
final class EffectiveHistory {
    /** One logged event with its id. */
    record Logged(String eventId, NetworkEvent entry) {
    }

    /** The effective entries by event id, in the order they were logged. */
    private final LinkedHashMap<String, NetworkEvent> entries = new LinkedHashMap<>();
    /** Every logged event id (corrections and retracted entries included) with its kind. */
    private final Map<String, String> kinds = new HashMap<>();
    private final Set<String> retracted = new HashSet<>();

    static EffectiveHistory of(Iterable<Logged> logged) {
        EffectiveHistory history = new EffectiveHistory();
        logged.forEach(history::add);
        return history;
    }

    private void add(Logged logged) {
        NetworkEvent event = logged.entry();
        kinds.put(logged.eventId(), EntryTypes.of(event.getClass()).wireName());
        if (event instanceof EntryCorrected correction) {
            entries.replace(correction.targetEventId(), correction.replacement());
        } else if (event instanceof EntryRetracted retraction) {
            entries.remove(retraction.targetEventId());
            retracted.add(retraction.targetEventId());
        } else {
            entries.put(logged.eventId(), event);
        }
    }

    NetworkState fold() {
        return NetworkState.fold(entries.values());
    }

    /** The effective entries logged before {@code eventId}. */
    List<NetworkEvent> before(String eventId) {
        List<NetworkEvent> before = new ArrayList<>();
        for (Map.Entry<String, NetworkEvent> entry : entries.entrySet()) {
            if (entry.getKey().equals(eventId)) {
                break;
            }
            before.add(entry.getValue());
        }
        return before;
    }

    /** The entry as it stands now (with its corrections), or null when retracted or not an entry of this network. */
    NetworkEvent entry(String eventId) {
        return entries.get(eventId);
    }

    String kind(String eventId) {
        return kinds.get(eventId);
    }

    boolean retracted(String eventId) {
        return retracted.contains(eventId);
    }
}

package nl.samenspel.command.network;

import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.history.EffectiveLog;
import nl.samenspel.kernel.network.NetworkEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Applies the corrections and retractions as every side of the platform does ({@link EffectiveLog}). */
    static EffectiveHistory of(List<Logged> logged) {
        EffectiveHistory history = new EffectiveHistory();
        logged.forEach(l -> history.kinds.putIfAbsent(l.eventId(), EntryTypes.of(l.entry().getClass()).wireName()));
        for (EffectiveLog.Effective effective : EffectiveLog.of(logged, Logged::eventId, Logged::entry).entries()) {
            history.entries.put(logged.get(effective.position()).eventId(), effective.content());
        }
        return history;
    }

    NetworkState fold() {
        return NetworkState.fold(entries.values());
    }

    /** The effective entries with their event ids, in the order they were logged. */
    List<Map.Entry<String, NetworkEvent>> inOrder() {
        return List.copyOf(entries.entrySet());
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

    /** The earliest business date of the effective entries other than {@code eventId}, if there is one. */
    java.util.Optional<java.time.LocalDate> earliestDateBesides(String eventId) {
        return entries.entrySet().stream().filter(e -> !e.getKey().equals(eventId))
                      .map(e -> e.getValue().occurredOn()).min(java.time.LocalDate::compareTo);
    }

    String kind(String eventId) {
        return kinds.get(eventId);
    }

    /** True for an entry of this network (not a correction or retraction) that a retraction in force took out. */
    boolean retracted(String eventId) {
        String kind = kinds.get(eventId);
        return kind != null && !kind.equals("entry-corrected") && !kind.equals("entry-retracted")
                && !entries.containsKey(eventId);
    }
}

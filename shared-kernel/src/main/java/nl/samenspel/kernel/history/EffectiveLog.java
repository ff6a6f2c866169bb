package nl.samenspel.kernel.history;

import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.network.NetworkEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one reading of corrections and retractions (§3.2) that every side of the platform applies to a network's log:
 * the decision state, the facts pages and the health model. Events are never edited, so a mistake is fixed by a later
 * entry that names it:
 * <ul>
 *     <li>{@link EntryCorrected} puts its replacement in the place of its target; of several corrections of one entry
 *     the one logged last wins;</li>
 *     <li>{@link EntryRetracted} takes its target out; retracting a correction brings back what it replaced, retracting
 *     a retraction brings back its target;</li>
 *     <li>a correction of an entry that is retracted changes its content but does not bring it back;</li>
 *     <li>a correction or retraction that names no earlier entry of the log, a correction whose replacement is of
 *     another kind than its target, and a correction of a correction or retraction change nothing.</li>
 * </ul>
 * The effective entries keep the log order and the place (and so the event id) of the entry they stand for; which
 * order a fold then reads them in is its own business (facts that depend on dates read them in business order, see
 * {@link Standing}).
 */
public final class EffectiveLog {

    /** What became of a correction or retraction. */
    public enum Status {
        /** It is in force. */
        APPLIED,
        /** It was itself retracted later. */
        WITHDRAWN,
        /** It names no earlier entry of this log. */
        UNKNOWN_TARGET,
        /** Its replacement is of another kind than its target, or it tries to correct a correction. */
        TYPE_MISMATCH
    }

    /** An entry that counts: its position in the log and the content in force. */
    public record Effective(int position, NetworkEvent content) {
    }

    /** A correction or retraction: its position in the log, the event id it names and what became of it. */
    public record Outcome(int position, String targetEventId, Status status) {
    }

    private final List<Effective> entries;
    private final List<Outcome> corrections;

    private EffectiveLog(List<Effective> entries, List<Outcome> corrections) {
        this.entries = List.copyOf(entries);
        this.corrections = List.copyOf(corrections);
    }

    /** True for the entries that act on other entries rather than state a fact. */
    public static boolean isCorrection(NetworkEvent event) {
        return event instanceof EntryCorrected || event instanceof EntryRetracted;
    }

    /** The id of the entry a correction or retraction acts on; null for every other entry. */
    public static String targetOf(NetworkEvent event) {
        return event instanceof EntryCorrected c ? c.targetEventId()
                : event instanceof EntryRetracted r ? r.targetEventId() : null;
    }

    /** Applies every correction and retraction in {@code log} (one network's entries in log order). */
    public static <T> EffectiveLog of(List<T> log, Function<T, String> eventId, Function<T, NetworkEvent> event) {
        int size = log.size();
        NetworkEvent[] events = new NetworkEvent[size];
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < size; i++) {
            events[i] = event.apply(log.get(i));
            String target = targetOf(events[i]);
            if (target != null) {
                targets.add(target);
            }
        }
        // the first place of each id a correction or retraction names; no other id is ever looked up
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < size && !targets.isEmpty(); i++) {
            String id = eventId.apply(log.get(i));
            if (targets.contains(id)) {
                position.putIfAbsent(id, i);
            }
        }
        // Whether a correction is itself withdrawn depends only on later entries, so walk back from the end.
        boolean[] withdrawn = new boolean[size];
        for (int i = size - 1; i >= 0; i--) {
            if (!withdrawn[i] && events[i] instanceof EntryRetracted retraction) {
                Integer target = position.get(retraction.targetEventId());
                if (target != null && target < i) {
                    withdrawn[target] = true;
                }
            }
        }

        NetworkEvent[] content = events.clone();
        boolean[] removed = new boolean[size];
        List<Outcome> corrections = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            NetworkEvent current = events[i];
            if (!isCorrection(current)) {
                continue;
            }
            String targetId = targetOf(current);
            Integer target = position.get(targetId);
            Status status;
            if (withdrawn[i]) {
                status = Status.WITHDRAWN;
            } else if (target == null || target >= i) {
                status = Status.UNKNOWN_TARGET;
            } else if (isCorrection(events[target])) {
                // Retracting a correction or retraction was dealt with above; a correction cannot replace one.
                status = current instanceof EntryRetracted ? Status.APPLIED : Status.TYPE_MISMATCH;
            } else if (current instanceof EntryCorrected correction) {
                if (correction.replacement() == null || correction.replacement().getClass() != events[target].getClass()) {
                    status = Status.TYPE_MISMATCH;
                } else {
                    content[target] = correction.replacement();
                    status = Status.APPLIED;
                }
            } else {
                removed[target] = true;
                status = Status.APPLIED;
            }
            corrections.add(new Outcome(i, targetId, status));
        }

        List<Effective> effective = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (!isCorrection(events[i]) && !removed[i]) {
                effective.add(new Effective(i, content[i]));
            }
        }
        return new EffectiveLog(effective, corrections);
    }

    /** The entries that count, in log order, each with the content in force. */
    public List<Effective> entries() {
        return entries;
    }

    /** Every correction and retraction in the log, in log order, with what became of it. */
    public List<Outcome> corrections() {
        return corrections;
    }
}

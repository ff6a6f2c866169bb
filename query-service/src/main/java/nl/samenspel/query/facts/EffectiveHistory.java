package nl.samenspel.query.facts;

import com.fasterxml.jackson.annotation.JsonProperty;
import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A network's log with its corrections applied: what the views count. Events are never edited (§3.2), so a mistake
 * is fixed by a later entry that names it: {@link EntryCorrected} puts its replacement in the place of the target,
 * {@link EntryRetracted} takes the target out. The effective entries keep the order of the log, and a replacement
 * keeps the event id of the entry it replaces, so everything a view shows still links to the original in the log.
 *
 * <p>A retraction may also name a correction or another retraction: that one then no longer applies (retracting a
 * retraction brings its target back). Among several corrections of one entry the one logged last wins. A correction
 * or retraction that names no earlier entry of the log, or a correction whose replacement is of another kind than its
 * target, changes nothing; it is listed with the reason.
 */
public final class EffectiveHistory {

    /** A correction or retraction as the views report it. */
    public record Correction(String eventId, Kind kind, String targetEventId, String reason, LocalDate occurredOn,
                             Status status) {
    }

    public enum Kind {
        @JsonProperty("corrected") CORRECTED,
        @JsonProperty("retracted") RETRACTED
    }

    public enum Status {
        /** It is in force. */
        @JsonProperty("applied") APPLIED,
        /** It was itself retracted later. */
        @JsonProperty("withdrawn") WITHDRAWN,
        /** It names no earlier entry of this network. */
        @JsonProperty("unknown-target") UNKNOWN_TARGET,
        /** Its replacement is of another kind than its target, or it tries to correct a correction. */
        @JsonProperty("type-mismatch") TYPE_MISMATCH
    }

    private final List<LoggedEntry> entries;
    private final List<Correction> corrections;

    private EffectiveHistory(List<LoggedEntry> entries, List<Correction> corrections) {
        this.entries = Lists.copy(entries);
        this.corrections = Lists.copy(corrections);
    }

    /** True for the entries that act on other entries rather than state a fact. */
    public static boolean isCorrection(NetworkEvent event) {
        return event instanceof EntryCorrected || event instanceof EntryRetracted;
    }

    /** Applies every correction and retraction in {@code log} (one network's entries in log order). */
    public static EffectiveHistory of(List<LoggedEntry> log) {
        int size = log.size();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < size; i++) {
            position.putIfAbsent(log.get(i).eventId(), i);
        }
        // Whether a correction is itself withdrawn depends only on later entries, so walk back from the end.
        boolean[] withdrawn = new boolean[size];
        boolean[] retractedByLater = new boolean[size];
        for (int i = size - 1; i >= 0; i--) {
            NetworkEvent event = log.get(i).event();
            if (!isCorrection(event)) {
                continue;
            }
            if (retractedByLater[i]) {
                withdrawn[i] = true;
            } else if (event instanceof EntryRetracted retraction) {
                Integer target = position.get(retraction.targetEventId());
                if (target != null && target < i) {
                    retractedByLater[target] = true;
                }
            }
        }

        NetworkEvent[] content = new NetworkEvent[size];
        boolean[] removed = new boolean[size];
        List<Correction> corrections = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            NetworkEvent event = log.get(i).event();
            content[i] = event;
            if (!isCorrection(event)) {
                continue;
            }
            String targetId = event instanceof EntryCorrected c ? c.targetEventId() : ((EntryRetracted) event).targetEventId();
            Integer target = position.get(targetId);
            Status status;
            if (withdrawn[i]) {
                status = Status.WITHDRAWN;
            } else if (target == null || target >= i) {
                status = Status.UNKNOWN_TARGET;
            } else if (isCorrection(log.get(target).event())) {
                // Retracting a correction was dealt with above; a correction cannot replace a correction.
                status = event instanceof EntryRetracted ? Status.APPLIED : Status.TYPE_MISMATCH;
            } else if (event instanceof EntryCorrected correction) {
                if (correction.replacement() == null
                        || correction.replacement().getClass() != log.get(target).event().getClass()) {
                    status = Status.TYPE_MISMATCH;
                } else {
                    content[target] = correction.replacement();
                    removed[target] = false;
                    status = Status.APPLIED;
                }
            } else {
                removed[target] = true;
                status = Status.APPLIED;
            }
            corrections.add(correction(log.get(i).eventId(), event, targetId, status));
        }

        List<LoggedEntry> effective = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (!isCorrection(content[i]) && !removed[i]) {
                effective.add(new LoggedEntry(log.get(i).eventId(), content[i]));
            }
        }
        return new EffectiveHistory(effective, corrections);
    }

    private static Correction correction(String eventId, NetworkEvent event, String targetId, Status status) {
        if (event instanceof EntryCorrected corrected) {
            return new Correction(eventId, Kind.CORRECTED, targetId, corrected.reason(), corrected.occurredOn(), status);
        }
        EntryRetracted retracted = (EntryRetracted) event;
        return new Correction(eventId, Kind.RETRACTED, targetId, retracted.reason(), retracted.occurredOn(), status);
    }

    /** The entries that count, in log order, each with the content in force. */
    public List<LoggedEntry> entries() {
        return entries;
    }

    /** Every correction and retraction in the log, in log order, with whether it applies. */
    public List<Correction> corrections() {
        return corrections;
    }
}

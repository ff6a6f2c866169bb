package nl.samenspel.query.facts;

import com.fasterxml.jackson.annotation.JsonProperty;
import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.history.EffectiveLog;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A network's log with its corrections applied: what the views count. Events are never edited (§3.2), so a mistake
 * is fixed by a later entry that names it: {@link EntryCorrected} puts its replacement in the place of the target,
 * {@link EntryRetracted} takes the target out. The effective entries keep the order of the log, and a replacement
 * keeps the event id of the entry it replaces, so everything a view shows still links to the original in the log.
 *
 * <p>Which correction applies is decided once for the whole platform ({@link EffectiveLog}): a retraction may also
 * name a correction or another retraction, which then no longer applies (retracting a retraction brings its target
 * back); among several corrections of one entry the one logged last wins; a correction of a retracted entry does not
 * bring it back. A correction or retraction that names no earlier entry of the log, or a correction whose replacement
 * is of another kind than its target, changes nothing; it is listed with the reason.
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
        return EffectiveLog.isCorrection(event);
    }

    /** Applies every correction and retraction in {@code log} (one network's entries in log order). */
    public static EffectiveHistory of(List<LoggedEntry> log) {
        EffectiveLog applied = EffectiveLog.of(log, LoggedEntry::eventId, LoggedEntry::event);
        List<LoggedEntry> effective = new ArrayList<>();
        for (EffectiveLog.Effective entry : applied.entries()) {
            effective.add(new LoggedEntry(log.get(entry.position()).eventId(), entry.content()));
        }
        List<Correction> corrections = new ArrayList<>();
        for (EffectiveLog.Outcome outcome : applied.corrections()) {
            LoggedEntry entry = log.get(outcome.position());
            corrections.add(correction(entry.eventId(), entry.event(), outcome.targetEventId(),
                                       Status.valueOf(outcome.status().name())));
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

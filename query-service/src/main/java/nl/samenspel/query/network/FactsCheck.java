package nl.samenspel.query.network;

import nl.samenspel.health.LoggedEntry;
import nl.samenspel.query.facts.FactsSnapshot;
import nl.samenspel.query.facts.NetworkFacts;
import nl.samenspel.query.network.NetworkFactsStore.StoredFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks the stored lists of a network (its partners, people, agreements, meetings and the rest, which the pages read
 * from the facts read model) against its log: they are folded again from the entries they say they include and
 * compared list by list. Like the figures, they are derived data that someone with the database could change without
 * touching the log.
 */
public final class FactsCheck {
    /** The name of what the lists' head holds besides them: the network's own details and its count of entries. */
    static final String NETWORK = "network";

    private FactsCheck() {
    }

    /**
     * What the check found: the entries the stored lists say they include ({@code 0 .. lastSequence}), how many lists
     * were compared (the network's details counted as one), those that differ from what the log gives, by name, and
     * since when entries of the log have been left out of the lists for longer than the grace (null when none has).
     */
    public record Result(boolean matches, long lastSequence, int checked, List<String> differing, Instant leftOutSince) {
    }

    /**
     * Compares {@code stored} with the fold of {@code log} (the network's whole log, read after the lists) up to the
     * entry the lists say they include.
     */
    public static Result check(StoredFacts stored, List<LoggedEntry> log, Instant now, Duration grace) {
        FactsSnapshot kept = stored.facts();
        FactsSnapshot given = NetworkFacts.fold(log.stream().filter(e -> e.sequence() <= stored.lastSequence())
                                                   .map(e -> new nl.samenspel.query.facts.LoggedEntry(e.eventId(), e.event()))
                                                   .toList()).snapshot();
        List<String> differing = new ArrayList<>();
        if (!Objects.equals(kept.network(), given.network()) || kept.effectiveEntries() != given.effectiveEntries()) {
            differing.add(NETWORK);
        }
        for (FactsSnapshot.Part part : FactsSnapshot.Part.values()) {
            if (!Objects.equals(part.of(kept), part.of(given))) {
                differing.add(part.listName());
            }
        }
        Instant leftOutSince = log.stream().filter(e -> e.sequence() > stored.lastSequence())
                                  .map(LoggedEntry::recordedAt).filter(Objects::nonNull).min(Instant::compareTo)
                                  .filter(at -> at.plus(grace).isBefore(now)).orElse(null);
        return new Result(differing.isEmpty() && leftOutSince == null, stored.lastSequence(),
                          FactsSnapshot.Part.values().length + 1, List.copyOf(differing), leftOutSince);
    }
}

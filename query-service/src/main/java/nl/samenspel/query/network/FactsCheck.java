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
    /** The name of the network list's own read model: each network's details and partners ({@link NetworkView}). */
    static final String NETWORK_LIST = "networkList";

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
     * entry the lists say they include, and so {@code view}, the network list's record of the network (null when there
     * is none), up to the entry it says it took in last.
     */
    public static Result check(StoredFacts stored, NetworkView view, List<LoggedEntry> log, Instant now, Duration grace) {
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
        // entries the lists (or the network list) leave out, when they have been in the log longer than the grace
        java.util.stream.Stream<LoggedEntry> leftOut = log.stream().filter(e -> e.sequence() > stored.lastSequence());
        if (view != null) {
            if (!sameView(view, log.stream().filter(e -> e.sequence() <= view.getLastSequence()).toList())) {
                differing.add(NETWORK_LIST);
            }
            leftOut = java.util.stream.Stream.concat(leftOut, log.stream().filter(
                    e -> e.sequence() > view.getLastSequence() && NetworkViewProjection.changes(e.event())));
        }
        Instant leftOutSince = leftOutSince(leftOut, now, grace);
        return new Result(differing.isEmpty() && leftOutSince == null, stored.lastSequence(),
                          FactsSnapshot.Part.values().length + (view == null ? 1 : 2), List.copyOf(differing),
                          leftOutSince);
    }

    /**
     * When the first of {@code leftOut} (entries a read model does not include yet) was logged, if that was longer
     * than {@code grace} before {@code now}: the read model stopped following the log, or was put back to an earlier
     * part of it. Null otherwise.
     */
    public static Instant leftOutSince(java.util.stream.Stream<LoggedEntry> leftOut, Instant now, Duration grace) {
        return leftOut.map(LoggedEntry::recordedAt).filter(Objects::nonNull).min(Instant::compareTo)
                      .filter(at -> at.plus(grace).isBefore(now)).orElse(null);
    }

    /** Whether {@code view} holds what {@code log} gives: the network's details, and its partners whatever their order. */
    private static boolean sameView(NetworkView view, List<LoggedEntry> log) {
        NetworkView given = new NetworkView(view.getNetworkId(), null, null, null, null, null, null);
        NetworkViewProjection.refold(given, log, LoggedEntry::eventId, LoggedEntry::event);
        return Objects.equals(view.summary(), given.summary())
               && Objects.equals(view.getSocietalTask(), given.getSocietalTask())
               && Objects.equals(byId(view), byId(given));
    }

    private static java.util.Map<java.util.UUID, NetworkView.PartnerView> byId(NetworkView view) {
        java.util.Map<java.util.UUID, NetworkView.PartnerView> partners = new java.util.HashMap<>();
        view.getPartners().forEach(p -> partners.put(p.partnerId(), p));
        return partners;
    }
}

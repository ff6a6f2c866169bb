package nl.samenspel.facts;

import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerParticipationChanged;
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.people.DepartureReason;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.LeadRole;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.NetworkRoleAssigned;
import nl.samenspel.kernel.people.NetworkRoleEnded;
import nl.samenspel.kernel.people.RepresentativeAppointed;
import nl.samenspel.kernel.people.RepresentativeDeparted;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Random histories of partners and people, as coordinators log them: partners join, change level and withdraw;
 * representatives are appointed and depart, one term after another; lead roles are assigned and ended. Entries arrive
 * in a random order that the command side accepts (what names a partner after its joining, an end after its start,
 * a next term after the previous one ended), so many arrive back-dated; then corrections (of levels, of the details
 * of an appointment or departure, of a withdrawal to a later date) and retractions of any of these, and now and then
 * a retraction of a correction or of a retraction.
 */
final class PeopleHistories {
    /** One network's log in log order, and the dates worth asking about. */
    record History(List<String> eventIds, List<NetworkEvent> events, Set<LocalDate> dates, LocalDate today) {
    }

    private final Random random;
    private final UUID network;
    private final LocalDate founded;
    private final LocalDate today;
    /** Chains of entries that must arrive in this order; each chain's first entry names the partner it waits for. */
    private final List<List<NetworkEvent>> chains = new ArrayList<>();
    private final List<UUID> waitsFor = new ArrayList<>();

    private PeopleHistories(long seed) {
        random = new Random(seed);
        network = new UUID(seed, 7);
        founded = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(365));
        today = founded.plusDays(400 + random.nextInt(400));
    }

    static History generate(long seed) {
        return new PeopleHistories(seed).history();
    }

    private History history() {
        int partnerCount = 2 + random.nextInt(4);
        List<String> people = List.of("ann", "bob", "cem", "dirk");
        for (int i = 0; i < partnerCount; i++) {
            UUID partner = new UUID(network.getMostSignificantBits(), 100 + i);
            LocalDate joined = founded.plusDays(random.nextInt(200));
            LocalDate withdrawn = random.nextInt(3) == 0 ? date(joined.plusDays(30), today) : null;
            LocalDate last = withdrawn == null ? today : withdrawn.minusDays(1);
            chain(partner, new PartnerJoined(network, partner, "Partner " + i, "care", level(), Set.of(), joined, null, null));
            for (int k = random.nextInt(3); k > 0; k--) {
                chain(partner, new PartnerParticipationChanged(network, partner, level(), date(joined, last), null, null));
            }
            // One chain of terms per person and post (or role): terms of one post never overlap.
            Set<String> posts = new java.util.HashSet<>();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                String person = people.get(random.nextInt(people.size()));
                Level level = Level.values()[random.nextInt(3)];
                if (posts.add(person + level)) {
                    terms(partner, joined, last, person, level, null);
                }
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                String person = people.get(random.nextInt(people.size()));
                LeadRole role = LeadRole.values()[random.nextInt(LeadRole.values().length)];
                if (posts.add(person + role)) {
                    terms(partner, joined, last, person, null, role);
                }
            }
            if (withdrawn != null) {
                // A withdrawal arrives after everything else of its partner: later entries naming it are refused.
                chains.add(new ArrayList<>(List.of(new PartnerWithdrew(network, partner, "Leaves", withdrawn, null, null))));
                waitsFor.add(null);
            }
        }
        List<String> ids = new ArrayList<>();
        List<NetworkEvent> log = new ArrayList<>();
        log(ids, log, new NetworkFounded(network, "Netwerk", null, null, CollaborationForm.NETWORK, null, founded, null, null));
        arrive(ids, log);
        correct(ids, log);
        Set<LocalDate> dates = new TreeSet<>();
        for (NetworkEvent event : log) {
            NetworkEvent fact = event instanceof EntryCorrected c ? c.replacement() : event;
            dates.add(fact.occurredOn());
            dates.add(fact.occurredOn().minusDays(1));
        }
        for (int i = 0; i < 10; i++) {
            dates.add(date(founded, today));
        }
        return new History(ids, log, dates, today);
    }

    /** One to three terms, one after another, of a person at a partner: as a representative, or in a role. */
    private void terms(UUID partner, LocalDate from, LocalDate until, String person, Level level, LeadRole role) {
        boolean representative = role == null;
        List<NetworkEvent> chain = new ArrayList<>();
        LocalDate start = date(from, until);
        for (int term = 1 + random.nextInt(3); term > 0 && !start.isAfter(until); term--) {
            chain.add(representative
                      ? new RepresentativeAppointed(network, partner, person, level, "Member", start, null, null)
                      : new NetworkRoleAssigned(network, role, person, partner, true, start, null, null));
            if (random.nextInt(3) == 0) {
                break;
            }
            LocalDate end = date(start, until);
            chain.add(representative
                      ? new RepresentativeDeparted(network, partner, person, level, Handover.DONE, DepartureReason.OTHER, end,
                                                   null, null)
                      : new NetworkRoleEnded(network, role, person, partner, end, null, null));
            start = end.plusDays(random.nextInt(60));
        }
        if (!chain.isEmpty()) {
            chains.add(chain);
            waitsFor.add(partner);
        }
    }

    private void chain(UUID partner, NetworkEvent event) {
        chains.add(new ArrayList<>(List.of(event)));
        waitsFor.add(event instanceof PartnerJoined ? null : partner);
    }

    /** Interleaves the chains at random; a chain waits for its partner's joining, a withdrawal for all the rest. */
    private void arrive(List<String> ids, List<NetworkEvent> log) {
        Set<UUID> joined = new java.util.HashSet<>();
        while (chains.stream().anyMatch(c -> !c.isEmpty())) {
            List<Integer> ready = new ArrayList<>();
            long othersLeft = chains.stream().filter(c -> !c.isEmpty() && !(c.get(0) instanceof PartnerWithdrew)).count();
            for (int i = 0; i < chains.size(); i++) {
                List<NetworkEvent> chain = chains.get(i);
                if (chain.isEmpty()) {
                    continue;
                }
                if (chain.get(0) instanceof PartnerWithdrew w) {
                    boolean partnerDone = chains.stream().noneMatch(c -> !c.isEmpty() && !(c.get(0) instanceof PartnerWithdrew)
                            && names(c.get(0), w.partnerId()));
                    if (partnerDone || othersLeft == 0) {
                        ready.add(i);
                    }
                } else if (waitsFor.get(i) == null || joined.contains(waitsFor.get(i))) {
                    ready.add(i);
                }
            }
            int pick = ready.get(random.nextInt(ready.size()));
            NetworkEvent next = chains.get(pick).remove(0);
            if (next instanceof PartnerJoined j) {
                joined.add(j.partnerId());
            }
            log(ids, log, next);
        }
    }

    private static boolean names(NetworkEvent event, UUID partner) {
        return (event instanceof PartnerJoined j && j.partnerId().equals(partner))
                || (event instanceof PartnerParticipationChanged e && e.partnerId().equals(partner))
                || (event instanceof RepresentativeAppointed a && a.partnerId().equals(partner))
                || (event instanceof RepresentativeDeparted d && d.partnerId().equals(partner))
                || (event instanceof NetworkRoleAssigned r && r.partnerId().equals(partner))
                || (event instanceof NetworkRoleEnded n && n.partnerId().equals(partner));
    }

    /** Corrections and retractions of earlier entries, logged after them. */
    private void correct(List<String> ids, List<NetworkEvent> log) {
        int count = random.nextInt(6);
        List<String> corrections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int target = 1 + random.nextInt(log.size() - 1);
            NetworkEvent original = log.get(target);
            if (original instanceof EntryCorrected || original instanceof EntryRetracted) {
                continue;
            }
            NetworkEvent replacement = corrected(original);
            if (replacement != null && random.nextBoolean()) {
                corrections.add(log(ids, log, new EntryCorrected(network, ids.get(target), "Typo", replacement, today, null, null)));
            } else {
                corrections.add(log(ids, log, new EntryRetracted(network, ids.get(target), "Mistake", today, null, null)));
            }
        }
        if (!corrections.isEmpty() && random.nextInt(4) == 0) {
            // Not accepted by the command side today, but a log may hold it (imported, or from before the rule).
            String undone = corrections.get(random.nextInt(corrections.size()));
            log(ids, log, new EntryRetracted(network, undone, "Undo", today, null, null));
        }
    }

    /** The entry with another level or other details, or a withdrawal a little later; null for what is not corrected. */
    private NetworkEvent corrected(NetworkEvent e) {
        int shift = 1 + random.nextInt(20);
        if (e instanceof PartnerParticipationChanged c) {
            return new PartnerParticipationChanged(network, c.partnerId(), level(), c.occurredOn(), null, null);
        } else if (e instanceof PartnerJoined j) {
            return new PartnerJoined(network, j.partnerId(), j.name(), j.partnerType(), level(), j.motives(),
                                     j.occurredOn(), null, null);
        } else if (e instanceof RepresentativeAppointed a) {
            return new RepresentativeAppointed(network, a.partnerId(), a.personRef(), a.level(), "Corrected role",
                                               a.occurredOn(), null, null);
        } else if (e instanceof RepresentativeDeparted d) {
            return new RepresentativeDeparted(network, d.partnerId(), d.personRef(), d.level(), Handover.PARTIAL,
                                              d.reason(), d.occurredOn(), null, null);
        } else if (e instanceof NetworkRoleEnded n && random.nextBoolean()) {
            return new NetworkRoleEnded(network, n.role(), n.personRef(), n.partnerId(), n.occurredOn(), null, null);
        } else if (e instanceof PartnerWithdrew w) {
            return new PartnerWithdrew(network, w.partnerId(), "Left", w.occurredOn().plusDays(shift).isAfter(today)
                    ? w.occurredOn() : w.occurredOn().plusDays(shift), null, null);
        }
        return null;
    }

    private String log(List<String> ids, List<NetworkEvent> log, NetworkEvent event) {
        String id = "e" + (log.size() + 1);
        ids.add(id);
        log.add(event);
        return id;
    }

    private ParticipationLevel level() {
        return ParticipationLevel.values()[random.nextInt(ParticipationLevel.values().length)];
    }

    /** A date in {@code [from, until]}, or {@code from} when the range is empty. */
    private LocalDate date(LocalDate from, LocalDate until) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, until);
        return days <= 0 ? from : from.plusDays(random.nextInt((int) days + 1));
    }
}

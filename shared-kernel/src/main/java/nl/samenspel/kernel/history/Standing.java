package nl.samenspel.kernel.history;

import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerParticipationChanged;
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.people.LeadRole;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.NetworkRoleAssigned;
import nl.samenspel.kernel.people.NetworkRoleEnded;
import nl.samenspel.kernel.people.RepresentativeAppointed;
import nl.samenspel.kernel.people.RepresentativeDeparted;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Who stands where in a network on a date: which partners are active, who represents which partner at which level,
 * who holds which network role. The one definition of these facts that the decision state, the facts pages and the
 * health model share, folded from the effective history ({@link EffectiveLog}).
 *
 * <p>Coordinators log late, so the fold reads the entries in business order (by {@code occurredOn}, and on one date in
 * log order), never in the order they arrived: an appointment logged after the departure that ends it still opens
 * the post the departure closes. The rules:
 * <ul>
 *     <li>an <b>active partner</b> on a date joined on or before it and had not withdrawn by then (§3.3);</li>
 *     <li>a <b>post</b> (a person representing a partner at one level) runs from the appointment until the departure
 *     of that person at that partner and level; an appointment of someone already in post opens nothing new; a
 *     departure with no appointment before it is kept as a post without a start (it still counts as a departure), but
 *     no one is in post on its account: what holds on a date must not hang on entries dated after it;</li>
 *     <li>a <b>role</b> runs from {@code NetworkRoleAssigned} until the {@code NetworkRoleEnded} of the same role, person
 *     and partner; an end with no assignment before it holds nothing;</li>
 *     <li>the day of a withdrawal, departure or end is no longer in it; and a partner that is not active on a date is
 *     represented by no one and leads nothing on that date.</li>
 * </ul>
 */
public final class Standing {

    /** A partner's membership: its joining entry, its participation levels over time, its withdrawal if any. */
    public record Membership(UUID partnerId, PartnerJoined joined, String joinedEventId, List<LevelChange> levels,
                             PartnerWithdrew withdrawal, String withdrawalEventId) {
        public Membership {
            levels = List.copyOf(levels);
        }

        public LocalDate joinedOn() {
            return joined.occurredOn();
        }

        public LocalDate withdrawnOn() {
            return withdrawal == null ? null : withdrawal.occurredOn();
        }

        /** The participation level in force at the latest date the fold saw. */
        public ParticipationLevel level() {
            return levels.get(levels.size() - 1).level();
        }

        public boolean activeOn(LocalDate date) {
            return Standing.activeOn(joinedOn(), withdrawnOn(), date);
        }
    }

    /** A participation level from a date on; the first one is the level the partner joined at. */
    public record LevelChange(ParticipationLevel level, LocalDate since, String eventId) {
    }

    /** One person's term as a partner's representative at one level; no appointment when only its departure was logged. */
    public record Post(UUID partnerId, String personRef, Level level, RepresentativeAppointed appointment,
                       String appointedEventId, RepresentativeDeparted departure, String departedEventId) {

        public LocalDate appointedOn() {
            return appointment == null ? null : appointment.occurredOn();
        }

        public LocalDate departedOn() {
            return departure == null ? null : departure.occurredOn();
        }

        /** The term covers the date: appointed on or before it and not departed by then. */
        public boolean coversOn(LocalDate date) {
            return appointment != null && !date.isBefore(appointedOn())
                    && (departedOn() == null || date.isBefore(departedOn()));
        }
    }

    /** One person's term in a network role on behalf of a partner; no assignment when only its end was logged. */
    public record Term(LeadRole role, String personRef, UUID partnerId, NetworkRoleAssigned assignment,
                       String assignedEventId, NetworkRoleEnded end, String endEventId) {

        public LocalDate since() {
            return assignment == null ? null : assignment.occurredOn();
        }

        public LocalDate endedOn() {
            return end == null ? null : end.occurredOn();
        }

        /** The term covers the date: assigned on or before it and not ended by then. */
        public boolean coversOn(LocalDate date) {
            return since() != null && !date.isBefore(since()) && (endedOn() == null || date.isBefore(endedOn()));
        }
    }

    private final Map<UUID, Membership> partners;
    private final List<Post> posts;
    private final List<Term> terms;

    private Standing(Map<UUID, Membership> partners, List<Post> posts, List<Term> terms) {
        this.partners = Collections.unmodifiableMap(partners);
        this.posts = List.copyOf(posts);
        this.terms = List.copyOf(terms);
    }

    /** Active on a date: joined on or before it and not withdrawn by then (domain.md §3.3). */
    public static boolean activeOn(LocalDate joinedOn, LocalDate withdrawnOn, LocalDate date) {
        return joinedOn != null && !date.isBefore(joinedOn) && (withdrawnOn == null || date.isBefore(withdrawnOn));
    }

    /** Folds effective entries given in log order; only partner and people entries matter, others are passed over. */
    public static <T> Standing of(List<T> effective, Function<T, String> eventId, Function<T, NetworkEvent> event) {
        List<T> inBusinessOrder = new ArrayList<>(effective);
        // A stable sort: on one date the log order stands.
        inBusinessOrder.sort(Comparator.comparing(e -> event.apply(e).occurredOn(),
                                                  Comparator.nullsFirst(Comparator.naturalOrder())));
        Fold fold = new Fold();
        for (T entry : inBusinessOrder) {
            fold.apply(eventId.apply(entry), event.apply(entry));
        }
        return fold.standing();
    }

    /**
     * The fold itself, for a caller that walks the history in business order once and asks for the standing at
     * several dates along the way (the health model, month by month): {@link #apply} the entries in business order,
     * and {@link #standing()} gives an immutable copy of what holds so far. Not thread-safe.
     */
    public static final class Fold {
        private final Map<UUID, Membership> partners = new LinkedHashMap<>();
        private final List<Post> posts = new ArrayList<>();
        private final Map<List<Object>, Integer> openPosts = new HashMap<>();
        private final List<Term> terms = new ArrayList<>();
        private final Map<List<Object>, Integer> openTerms = new HashMap<>();

        /** The kinds of entry the fold reads; every other entry is passed over. */
        public static final List<Class<? extends NetworkEvent>> KINDS = List.of(
                PartnerJoined.class, PartnerParticipationChanged.class, PartnerWithdrew.class,
                RepresentativeAppointed.class, RepresentativeDeparted.class, NetworkRoleAssigned.class,
                NetworkRoleEnded.class);

        /** Applies one effective entry; entries must come in business order. */
        public void apply(String id, NetworkEvent fact) {
            if (fact instanceof PartnerJoined e) {
                partners.put(e.partnerId(), new Membership(e.partnerId(), e, id,
                        List.of(new LevelChange(e.participationLevel(), e.occurredOn(), id)), null, null));
            } else if (fact instanceof PartnerParticipationChanged e) {
                partners.computeIfPresent(e.partnerId(), (p, m) -> {
                    List<LevelChange> levels = new ArrayList<>(m.levels());
                    levels.add(new LevelChange(e.participationLevel(), e.occurredOn(), id));
                    return new Membership(p, m.joined(), m.joinedEventId(), levels, m.withdrawal(), m.withdrawalEventId());
                });
            } else if (fact instanceof PartnerWithdrew e) {
                partners.computeIfPresent(e.partnerId(), (p, m) -> m.withdrawal() != null ? m
                        : new Membership(p, m.joined(), m.joinedEventId(), m.levels(), e, id));
            } else if (fact instanceof RepresentativeAppointed e) {
                List<Object> key = List.of(e.partnerId(), e.level(), e.personRef());
                if (!openPosts.containsKey(key)) {
                    openPosts.put(key, posts.size());
                    posts.add(new Post(e.partnerId(), e.personRef(), e.level(), e, id, null, null));
                }
            } else if (fact instanceof RepresentativeDeparted e) {
                Integer open = openPosts.remove(List.of(e.partnerId(), e.level(), e.personRef()));
                if (open != null) {
                    Post p = posts.get(open);
                    posts.set(open, new Post(p.partnerId(), p.personRef(), p.level(), p.appointment(),
                                             p.appointedEventId(), e, id));
                } else {
                    posts.add(new Post(e.partnerId(), e.personRef(), e.level(), null, null, e, id));
                }
            } else if (fact instanceof NetworkRoleAssigned e) {
                List<Object> key = List.of(e.role(), e.personRef(), e.partnerId());
                if (!openTerms.containsKey(key)) {
                    openTerms.put(key, terms.size());
                    terms.add(new Term(e.role(), e.personRef(), e.partnerId(), e, id, null, null));
                }
            } else if (fact instanceof NetworkRoleEnded e) {
                Integer open = openTerms.remove(List.of(e.role(), e.personRef(), e.partnerId()));
                if (open != null) {
                    Term t = terms.get(open);
                    terms.set(open, new Term(t.role(), t.personRef(), t.partnerId(), t.assignment(),
                                             t.assignedEventId(), e, id));
                } else {
                    terms.add(new Term(e.role(), e.personRef(), e.partnerId(), null, null, e, id));
                }
            }
        }

        /** What holds after the entries applied so far; later entries do not change it. */
        public Standing standing() {
            return new Standing(new LinkedHashMap<>(partners), posts, terms);
        }
    }

    /** Every partner that ever joined, withdrawn or not, in the order they joined. */
    public Collection<Membership> partners() {
        return partners.values();
    }

    public Membership partner(UUID partnerId) {
        return partners.get(partnerId);
    }

    public boolean isActive(UUID partnerId, LocalDate date) {
        Membership membership = partnerId == null ? null : partners.get(partnerId);
        return membership != null && membership.activeOn(date);
    }

    /** The partners active on a date, in the order they joined. */
    public Set<UUID> activeOn(LocalDate date) {
        Set<UUID> active = new LinkedHashSet<>();
        partners.values().stream().filter(m -> m.activeOn(date)).forEach(m -> active.add(m.partnerId()));
        return active;
    }

    /** Every post, past and current, in business order of its start (a post without a start comes where its end is). */
    public List<Post> posts() {
        return posts;
    }

    /** The posts held on a date: the term covers it and the partner is active then. */
    public List<Post> inPostOn(LocalDate date) {
        return posts.stream().filter(p -> p.coversOn(date) && isActive(p.partnerId(), date)).toList();
    }

    /** Every role term, past and current. */
    public List<Term> terms() {
        return terms;
    }

    /** The roles held on a date: the term covers it and the partner it is held for is active then. */
    public List<Term> heldOn(LocalDate date) {
        return terms.stream().filter(t -> t.coversOn(date) && isActive(t.partnerId(), date)).toList();
    }
}

package nl.samenspel.command.network;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.ambition.AmbitionStated;
import nl.samenspel.kernel.evaluation.EvaluationClosed;
import nl.samenspel.kernel.evaluation.EvaluationOpened;
import nl.samenspel.kernel.evaluation.ImprovementActionAgreed;
import nl.samenspel.kernel.evaluation.ImprovementActionCompleted;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.ContributionStatusChanged;
import nl.samenspel.kernel.history.Standing;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerParticipationChanged;
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.people.LeadRole;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.NetworkRoleAssigned;
import nl.samenspel.kernel.people.NetworkRoleEnded;
import nl.samenspel.kernel.people.RepresentativeAppointed;
import nl.samenspel.kernel.people.RepresentativeDeparted;
import nl.samenspel.kernel.structure.SubCoalitionDissolved;
import nl.samenspel.kernel.structure.SubCoalitionFormed;
import nl.samenspel.kernel.tension.ConflictRegistered;
import nl.samenspel.kernel.tension.ConflictResolved;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the Network aggregate knows to decide on new entries: a fold over the network's effective history (corrections
 * applied, retractions left out). Only facts that some rule needs are kept: it is what the aggregate holds, caches and
 * snapshots, so its size grows with what is alive in a network (partners, agreements, ...), not with every entry. The
 * one exception is the partner and people entries: who is in post or holds a role on a date is read from all of them
 * by the definition the whole platform shares ({@link Standing}), so they are kept whole (a few per person).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class NetworkState {
    private static final ObjectMapper COPIER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .build();

    LocalDate foundedOn;
    /**
     * The partner entries, appointments, departures, role assignments and role ends in the effective history, in log
     * order: which partners there are, who is in post and who holds a role are read from them by the one definition
     * the whole platform shares ({@link Standing}), in business order, so a back-dated entry is judged against the
     * terms as they run by date.
     */
    final List<PeopleEntry> people = new ArrayList<>();
    @JsonIgnore
    private transient Standing standing;
    /** The ambition versions in the effective history; a retracted version is gone. */
    final SortedSet<Integer> ambitionVersions = new TreeSet<>();
    final Map<UUID, AgreementFacts> agreements = new HashMap<>();
    final Map<UUID, ContributionStatus> contributions = new HashMap<>();
    final Map<UUID, EvaluationFacts> evaluations = new HashMap<>();
    final Map<UUID, Boolean> improvementActions = new HashMap<>();
    final Map<UUID, Boolean> openConflicts = new HashMap<>();
    final Set<UUID> meetings = new HashSet<>();
    final Map<UUID, Boolean> activeCoalitions = new HashMap<>();
    /**
     * Since when each open improvement action, and each evaluation, conflict, agreement and contribution exists, for
     * the date-order rules; keyed by its id in text form so that the map stays plain to copy and serialise.
     */
    final Map<String, LocalDate> startedOn = new HashMap<>();

    record PartnerFacts(UUID partnerId, String name, LocalDate joinedOn, LocalDate withdrawnOn) {
        boolean activeNow() {
            return withdrawnOn == null;
        }

        /** Active partner on a date: joined on or before it and not withdrawn by then ({@link Standing}). */
        boolean activeOn(LocalDate date) {
            return Standing.activeOn(joinedOn, withdrawnOn, date);
        }
    }

    /** One people entry, with exactly one of its fields set: a plain shape to copy and snapshot. */
    record PeopleEntry(PartnerJoined joined, PartnerParticipationChanged changed, PartnerWithdrew withdrew,
                       RepresentativeAppointed appointed, RepresentativeDeparted departed, NetworkRoleAssigned assigned,
                       NetworkRoleEnded ended) {
        static PeopleEntry of(NetworkEvent e) {
            return new PeopleEntry(e instanceof PartnerJoined j ? j : null,
                                   e instanceof PartnerParticipationChanged c ? c : null,
                                   e instanceof PartnerWithdrew w ? w : null,
                                   e instanceof RepresentativeAppointed a ? a : null,
                                   e instanceof RepresentativeDeparted d ? d : null,
                                   e instanceof NetworkRoleAssigned r ? r : null,
                                   e instanceof NetworkRoleEnded n ? n : null);
        }

        NetworkEvent event() {
            return java.util.stream.Stream.of(joined, changed, withdrew, appointed, departed, assigned, ended)
                                          .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        }
    }

    record AgreementFacts(AgreementKind kind, List<UUID> partyIds) {
    }

    record EvaluationFacts(Instrument instrument, boolean open) {
    }

    static NetworkState fold(Iterable<NetworkEvent> history) {
        NetworkState state = new NetworkState();
        history.forEach(state::apply);
        return state;
    }

    int latestAmbitionVersion() {
        return ambitionVersions.isEmpty() ? 0 : ambitionVersions.last();
    }

    /** A partner that ever joined, as the shared definition reads it ({@link Standing}). */
    Optional<PartnerFacts> partner(UUID partnerId) {
        return Optional.ofNullable(partnerId).map(standing()::partner).map(NetworkState::facts);
    }

    /** Every partner that ever joined, withdrawn or not. */
    List<PartnerFacts> partners() {
        return standing().partners().stream().map(NetworkState::facts).toList();
    }

    private static PartnerFacts facts(Standing.Membership m) {
        return new PartnerFacts(m.partnerId(), m.joined().name(), m.joinedOn(), m.withdrawnOn());
    }

    /** The date on which the open improvement action {@code key} was agreed, if there is one. */
    Optional<LocalDate> startedOn(Object key) {
        return Optional.ofNullable(startedOn.get(key.toString()));
    }

    /** Who stands where, by date, as the whole platform reads it. */
    Standing standing() {
        if (standing == null) {
            standing = Standing.of(people, p -> null, PeopleEntry::event);
        }
        return standing;
    }

    /** The open (not yet departed) post of this person at this partner and level, if any. */
    Optional<Standing.Post> openPost(UUID partnerId, Level level, String personRef) {
        return standing().posts().stream()
                         .filter(p -> p.appointment() != null && p.departure() == null && p.partnerId().equals(partnerId)
                                 && p.level() == level && p.personRef().equals(personRef))
                         .findFirst();
    }

    /** True when a term of this post runs on or after {@code date}: a new appointment then would overlap it. */
    boolean inPostOnOrAfter(UUID partnerId, Level level, String personRef, LocalDate date) {
        return standing().posts().stream()
                         .anyMatch(p -> p.appointment() != null && p.partnerId().equals(partnerId) && p.level() == level
                                 && p.personRef().equals(personRef) && (p.departedOn() == null || p.departedOn().isAfter(date)));
    }

    /** The open (not yet ended) term of this person in this role for this partner, if any. */
    Optional<Standing.Term> openTerm(LeadRole role, String personRef, UUID partnerId) {
        return standing().terms().stream()
                         .filter(t -> t.assignment() != null && t.end() == null && t.role() == role
                                 && t.personRef().equals(personRef) && t.partnerId().equals(partnerId))
                         .findFirst();
    }

    /** True when a term of this role runs on or after {@code date}: a new assignment then would overlap it. */
    boolean holdsOnOrAfter(LeadRole role, String personRef, UUID partnerId, LocalDate date) {
        return standing().terms().stream()
                         .anyMatch(t -> t.assignment() != null && t.role() == role && t.personRef().equals(personRef)
                                 && t.partnerId().equals(partnerId) && (t.endedOn() == null || t.endedOn().isAfter(date)));
    }

    /**
     * Keeps {@link #startedOn} in step: when each improvement action, evaluation, conflict, agreement and contribution
     * began, so that an entry about it is not dated before it; a completed action has no start to check.
     */
    private void rememberStart(NetworkEvent event) {
        if (event instanceof ImprovementActionAgreed e) {
            startedOn.put(e.actionId().toString(), e.occurredOn());
        } else if (event instanceof ImprovementActionCompleted e) {
            startedOn.remove(e.actionId().toString());
        } else if (event instanceof EvaluationOpened e) {
            startedOn.put(e.evaluationId().toString(), e.occurredOn());
        } else if (event instanceof ConflictRegistered e) {
            startedOn.put(e.conflictId().toString(), e.occurredOn());
        } else if (event instanceof AgreementMade e) {
            startedOn.put(e.agreementId().toString(), e.occurredOn());
        } else if (event instanceof ContributionRecorded e) {
            startedOn.put(e.contributionId().toString(), e.occurredOn());
        }
    }

    /** A partner or people entry: who stands where, read by date whatever order it was logged in. */
    static boolean isPeople(NetworkEvent event) {
        return event instanceof PartnerJoined || event instanceof PartnerWithdrew
                || event instanceof PartnerParticipationChanged || event instanceof RepresentativeAppointed
                || event instanceof RepresentativeDeparted || event instanceof NetworkRoleAssigned
                || event instanceof NetworkRoleEnded;
    }

    void apply(NetworkEvent event) {
        rememberStart(event);
        if (event instanceof NetworkFounded e) {
            foundedOn = e.foundedOn();
        } else if (isPeople(event)) {
            addPeople(PeopleEntry.of(event));
        } else if (event instanceof AmbitionStated e) {
            ambitionVersions.add(e.version());
        } else if (event instanceof AgreementMade e) {
            agreements.put(e.agreementId(), new AgreementFacts(e.kind(), List.copyOf(e.partyIds())));
        } else if (event instanceof ContributionRecorded e) {
            contributions.put(e.contributionId(), e.status());
        } else if (event instanceof ContributionStatusChanged e) {
            contributions.computeIfPresent(e.contributionId(), (id, s) -> e.status());
        } else if (event instanceof EvaluationOpened e) {
            evaluations.put(e.evaluationId(), new EvaluationFacts(e.instrument(), true));
        } else if (event instanceof EvaluationClosed e) {
            evaluations.computeIfPresent(e.evaluationId(), (id, ev) -> new EvaluationFacts(ev.instrument(), false));
        } else if (event instanceof ImprovementActionAgreed e) {
            improvementActions.put(e.actionId(), false);
        } else if (event instanceof ImprovementActionCompleted e) {
            improvementActions.computeIfPresent(e.actionId(), (id, done) -> true);
        } else if (event instanceof ConflictRegistered e) {
            openConflicts.put(e.conflictId(), true);
        } else if (event instanceof ConflictResolved e) {
            openConflicts.computeIfPresent(e.conflictId(), (id, open) -> false);
        } else if (event instanceof MeetingHeld e) {
            meetings.add(e.meetingId());
        } else if (event instanceof SubCoalitionFormed e) {
            activeCoalitions.put(e.coalitionId(), true);
        } else if (event instanceof SubCoalitionDissolved e) {
            activeCoalitions.computeIfPresent(e.coalitionId(), (id, active) -> false);
        }
    }

    private void addPeople(PeopleEntry entry) {
        people.add(entry);
        standing = null;
    }

    /** A deep copy through the JSON form that snapshots hold too, so every fact is copied, including ones added later. */
    NetworkState copy() {
        try {
            return COPIER.readValue(COPIER.writeValueAsBytes(this), NetworkState.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

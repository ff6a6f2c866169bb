package nl.samenspel.health.state;

import nl.samenspel.health.MonthContext;
import nl.samenspel.kernel.history.Standing;
import nl.samenspel.kernel.people.LeadRole;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The network roles people hold at the end of a month, and how concentrated network leadership (netwerkleiderschap)
 * is. Shared by leadership concentration (H11), the dip driver "leadership falling back" (D7), shared leadership
 * (H7) and alert A9, so they can never disagree about who leads.
 */
public final class LeadRoles {
    /** The lead roles of domain.md §5.6; linking pins and other roles do not count as leading the network. */
    public static final Set<LeadRole> LEAD = EnumSet.of(LeadRole.CHAIR, LeadRole.COORDINATOR, LeadRole.PROCESS_DIRECTOR,
                                                        LeadRole.SUB_COALITION_LEAD);


    private LeadRoles() {
    }

    /** One role held by one person of one partner since a day. */
    public record Held(LeadRole role, String personRef, UUID partnerId, LocalDate since, String eventId) {
    }

    /** How much of the leadership sits with the two people who hold most lead roles. */
    public record Concentration(int roles, int heldByTopTwo, double share, List<String> topPeople, List<String> evidence) {
    }

    /**
     * The lead roles held at the end of the month, as the shared definition ({@link Standing}) reads them: a role ends
     * with the {@code NetworkRoleEnded} of the same role, person and partner, or when the holder's partner is no longer
     * active: a withdrawn partner leads nothing.
     */
    public static List<Held> active(MonthContext month) {
        return month.derived("leadRoles.active", m -> m.standing().heldOn(m.end()).stream()
                .filter(t -> LEAD.contains(t.role()))
                .map(t -> new Held(t.role(), t.personRef(), t.partnerId(), t.since(), t.assignedEventId()))
                .toList());
    }

    /** Share of the active lead roles held by the two people holding most of them; empty without lead roles. */
    public static Optional<Concentration> concentration(List<Held> roles) {
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> perPerson = new LinkedHashMap<>();
        roles.forEach(r -> perPerson.merge(r.personRef(), 1, Integer::sum));
        List<Map.Entry<String, Integer>> ranked = perPerson.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(2).toList();
        int topTwo = ranked.stream().mapToInt(Map.Entry::getValue).sum();
        List<String> top = ranked.stream().map(Map.Entry::getKey).toList();
        List<String> evidence = roles.stream().filter(r -> top.contains(r.personRef())).map(Held::eventId).toList();
        return Optional.of(new Concentration(roles.size(), topTwo, (double) topTwo / roles.size(), top, evidence));
    }

    /** The partner that holds both the chair and the coordinator role, if one does. */
    public static Optional<UUID> chairAndCoordinatorPartner(List<Held> roles) {
        return roles.stream().filter(r -> r.role() == LeadRole.CHAIR).map(Held::partnerId)
                    .filter(p -> roles.stream().anyMatch(r -> r.role() == LeadRole.COORDINATOR && r.partnerId().equals(p)))
                    .findFirst();
    }
}

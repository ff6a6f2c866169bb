package nl.samenspel.health;

import nl.samenspel.kernel.history.Standing;
import nl.samenspel.kernel.network.ParticipationLevel;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who the partners are: when each joined and withdrew, and their current participation level; read by the shared
 * definition of an active partner ({@link Standing}).
 */
public final class Roster {
    private final Map<UUID, Member> members = new LinkedHashMap<>();

    public record Member(UUID partnerId, String name, LocalDate joinedOn, LocalDate withdrawnOn, ParticipationLevel level) {
        /** Active on a date: joined on or before it and not withdrawn by then. */
        public boolean activeOn(LocalDate date) {
            return Standing.activeOn(joinedOn, withdrawnOn, date);
        }
    }

    /** The partners as {@link Standing} reads them from the (effective) history. */
    static Roster of(List<LoggedEntry> history) {
        return of(Standing.of(history, LoggedEntry::eventId, LoggedEntry::event));
    }

    /** The partners of a standing. */
    static Roster of(Standing standing) {
        Roster roster = new Roster();
        for (Standing.Membership m : standing.partners()) {
            roster.members.put(m.partnerId(), new Member(m.partnerId(), m.joined().name(), m.joinedOn(), m.withdrawnOn(),
                                                         m.level()));
        }
        return roster;
    }

    public Set<UUID> activeOn(LocalDate date) {
        return members.values().stream().filter(m -> m.activeOn(date)).map(Member::partnerId)
                      .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public boolean isActive(UUID partnerId, LocalDate date) {
        Member member = members.get(partnerId);
        return member != null && member.activeOn(date);
    }

    /** Every partner that ever joined, withdrawn or not. */
    public java.util.Collection<Member> members() {
        return java.util.Collections.unmodifiableCollection(members.values());
    }

    public Member member(UUID partnerId) {
        return members.get(partnerId);
    }

    public String name(UUID partnerId) {
        Member member = members.get(partnerId);
        return member == null ? String.valueOf(partnerId) : member.name();
    }
}

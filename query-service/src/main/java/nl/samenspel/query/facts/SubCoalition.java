package nl.samenspel.query.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Some partners working together on an issue within the network. {@code history} starts with how it was formed; name,
 * issue and members are those of the entry in it with the latest business date.
 */
public record SubCoalition(UUID coalitionId, String name, String issue, List<UUID> memberIds, LocalDate formedOn,
                           LocalDate dissolvedOn, List<Composition> history, String eventId) {

    /** Name, issue and members from a date on. */
    public record Composition(String name, String issue, List<UUID> memberIds, LocalDate since, String eventId) {
        public Composition {
            memberIds = Lists.copy(memberIds);
        }
    }

    public SubCoalition {
        memberIds = Lists.copy(memberIds);
        history = Lists.copy(history);
    }

    static SubCoalition formed(UUID coalitionId, Composition first) {
        return new SubCoalition(coalitionId, first.name(), first.issue(), first.memberIds(), first.since(), null,
                                List.of(first), first.eventId());
    }

    public boolean active() {
        return dissolvedOn == null;
    }

    SubCoalition changed(Composition change) {
        List<Composition> all = new ArrayList<>(history);
        all.add(change);
        Composition current = Chronology.latest(all, Composition::since).orElseThrow();
        return new SubCoalition(coalitionId, current.name(), current.issue(), current.memberIds(), formedOn,
                                dissolvedOn, all, eventId);
    }

    SubCoalition dissolved(LocalDate on) {
        return new SubCoalition(coalitionId, name, issue, memberIds, formedOn, on, history, eventId);
    }
}

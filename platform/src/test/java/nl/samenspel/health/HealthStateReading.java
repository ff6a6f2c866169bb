package nl.samenspel.health;

import nl.samenspel.health.state.LeadRoles;
import nl.samenspel.health.state.Representatives;
import nl.samenspel.kernel.health.HealthPolicy;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What the health model's month state says about who stands where on a date, for tests outside its package. */
public final class HealthStateReading {
    private final List<LoggedEntry> effective;

    public HealthStateReading(List<String> eventIds, List<NetworkEvent> log) {
        List<LoggedEntry> logged = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            logged.add(new LoggedEntry(eventIds.get(i), i, Instant.EPOCH.plusSeconds(i), log.get(i)));
        }
        this.effective = EffectiveHistory.of(logged);
    }

    /** The month context of the month {@code date} lies in, ending on {@code date}. */
    private MonthContext on(LocalDate date) {
        return new MonthContext(YearMonth.from(date), date, false, HealthPolicy.defaults(), new HistoryIndex(effective),
                                List.of());
    }

    public Set<String> activePartners(LocalDate date) {
        Set<String> active = new TreeSet<>();
        on(date).activePartners().forEach(p -> active.add(p.toString()));
        return active;
    }

    public Set<String> inPost(LocalDate date) {
        Set<String> posts = new TreeSet<>();
        Representatives.inPostOn(on(date), date)
                       .forEach(p -> posts.add(p.partnerId() + "/" + p.level() + "/" + p.personRef()));
        return posts;
    }

    /** Lead roles (chair, coordinator, process director, sub-coalition lead) as "role/person/partner". */
    public Set<String> leadRolesHeld(LocalDate date) {
        Set<String> roles = new TreeSet<>();
        LeadRoles.active(on(date)).forEach(r -> roles.add(r.role() + "/" + r.personRef() + "/" + r.partnerId()));
        return roles;
    }
}

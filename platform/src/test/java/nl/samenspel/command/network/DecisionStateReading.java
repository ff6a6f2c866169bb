package nl.samenspel.command.network;

import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the command side's decision state says about who stands where on a date, for tests outside its package: the
 * state folded over the effective history as the aggregate folds it, asked about that date.
 */
public final class DecisionStateReading {
    private final NetworkState state;

    /** {@code log}: the event ids and events, in log order. */
    public DecisionStateReading(List<String> eventIds, List<NetworkEvent> log) {
        List<EffectiveHistory.Logged> logged = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            logged.add(new EffectiveHistory.Logged(eventIds.get(i), log.get(i)));
        }
        state = EffectiveHistory.of(logged).fold().copy();
    }

    public Set<String> activePartners(LocalDate date) {
        Set<String> active = new TreeSet<>();
        state.partners().stream().filter(p -> p.activeOn(date)).forEach(p -> active.add(p.partnerId().toString()));
        return active;
    }

    /** Representatives as "partner/level/person". */
    public Set<String> inPost(LocalDate date) {
        Set<String> posts = new TreeSet<>();
        state.standing().inPostOn(date).forEach(p -> posts.add(p.partnerId() + "/" + p.level() + "/" + p.personRef()));
        return posts;
    }

    /** Roles as "role/person/partner". */
    public Set<String> rolesHeld(LocalDate date) {
        Set<String> roles = new TreeSet<>();
        state.standing().heldOn(date).forEach(r -> roles.add(r.role() + "/" + r.personRef() + "/" + r.partnerId()));
        return roles;
    }
}

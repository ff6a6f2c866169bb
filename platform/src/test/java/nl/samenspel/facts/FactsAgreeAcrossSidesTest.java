package nl.samenspel.facts;

import nl.samenspel.command.network.DecisionStateReading;
import nl.samenspel.health.HealthStateReading;
import nl.samenspel.kernel.people.LeadRole;
import nl.samenspel.query.facts.EffectiveHistory;
import nl.samenspel.query.facts.FactsSnapshot;
import nl.samenspel.query.facts.FactsView;
import nl.samenspel.query.facts.LoggedEntry;
import nl.samenspel.query.facts.NetworkFacts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's decision state, the facts pages and the health model read one history alike: on every date of
 * a few hundred random histories they agree on who is an active partner, who is in post as a representative and
 * who holds a lead role (issue 9: one definition of these facts, in the shared kernel).
 */
class FactsAgreeAcrossSidesTest {
    private static final int HISTORIES = 300;
    private static final Set<LeadRole> LEAD = EnumSet.of(LeadRole.CHAIR, LeadRole.COORDINATOR, LeadRole.PROCESS_DIRECTOR,
                                                         LeadRole.SUB_COALITION_LEAD);

    @Test
    void everySideSeesTheSamePartnersPostsAndLeadRolesOnEveryDate() {
        List<String> disagreements = new ArrayList<>();
        for (long seed = 1; seed <= HISTORIES && disagreements.size() < 20; seed++) {
            disagreements.addAll(compare(seed));
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void theFactsFoldedEntryByEntryFromStoredSnapshotsEqualTheFactsFoldedAtOnce() {
        for (long seed = 1; seed <= HISTORIES; seed++) {
            PeopleHistories.History history = PeopleHistories.generate(seed);
            List<LoggedEntry> log = new ArrayList<>();
            for (int i = 0; i < history.events().size(); i++) {
                log.add(new LoggedEntry(history.eventIds().get(i), history.events().get(i)));
            }
            // As the projection does it: each ordinary entry on top of the stored facts, the log again at a correction.
            FactsSnapshot stepwise = NetworkFacts.empty().snapshot();
            for (int i = 0; i < log.size(); i++) {
                NetworkFacts facts;
                if (EffectiveHistory.isCorrection(log.get(i).event())) {
                    facts = NetworkFacts.fold(log.subList(0, i + 1));
                } else {
                    facts = NetworkFacts.restore(stepwise);
                    facts.apply(log.get(i));
                }
                stepwise = facts.snapshot();
            }
            FactsSnapshot atOnce = NetworkFacts.fold(log).snapshot();
            assertThat(stepwise.partners()).as("seed %d", seed).isEqualTo(atOnce.partners());
            assertThat(stepwise.representatives()).as("seed %d", seed).isEqualTo(atOnce.representatives());
            assertThat(stepwise.roles()).as("seed %d", seed).isEqualTo(atOnce.roles());
        }
    }

    private static List<String> compare(long seed) {
        PeopleHistories.History history = PeopleHistories.generate(seed);
        DecisionStateReading command = new DecisionStateReading(history.eventIds(), history.events());
        HealthStateReading health = new HealthStateReading(history.eventIds(), history.events());
        List<LoggedEntry> log = new ArrayList<>();
        for (int i = 0; i < history.events().size(); i++) {
            log.add(new LoggedEntry(history.eventIds().get(i), history.events().get(i)));
        }
        FactsView facts = new FactsView(NetworkFacts.fold(log).snapshot(), history.today());
        List<String> found = new ArrayList<>();
        for (LocalDate date : history.dates()) {
            Set<String> active = facts.activePartnersOn(date).stream().map(Object::toString)
                                      .collect(Collectors.toCollection(TreeSet::new));
            Set<String> inPost = facts.inPostOn(date).stream()
                                      .map(r -> r.partnerId() + "/" + r.level() + "/" + r.personRef())
                                      .collect(Collectors.toCollection(TreeSet::new));
            Set<String> roles = facts.rolesHeldOn(date).stream()
                                     .map(r -> r.role() + "/" + r.personRef() + "/" + r.partnerId())
                                     .collect(Collectors.toCollection(TreeSet::new));
            Set<String> leadRoles = roles.stream().filter(r -> LEAD.contains(LeadRole.valueOf(r.split("/")[0])))
                                         .collect(Collectors.toCollection(TreeSet::new));
            Set<String> commandLead = command.rolesHeld(date).stream()
                                             .filter(r -> LEAD.contains(LeadRole.valueOf(r.split("/")[0])))
                                             .collect(Collectors.toCollection(TreeSet::new));
            check(found, seed, date, "active partners", "facts", active, "command", command.activePartners(date));
            check(found, seed, date, "active partners", "facts", active, "health", health.activePartners(date));
            check(found, seed, date, "in post", "facts", inPost, "command", command.inPost(date));
            check(found, seed, date, "in post", "facts", inPost, "health", health.inPost(date));
            check(found, seed, date, "roles held", "facts", roles, "command", command.rolesHeld(date));
            check(found, seed, date, "lead roles held", "facts", leadRoles, "health", health.leadRolesHeld(date));
            check(found, seed, date, "lead roles held", "facts", leadRoles, "command", commandLead);
            if (!found.isEmpty()) {
                found.add(0, "history " + seed + ":\n" + describe(history));
                return found;
            }
        }
        return found;
    }

    private static void check(List<String> found, long seed, LocalDate date, String what, String oneSide, Set<String> one,
                              String otherSide, Set<String> other) {
        if (!one.equals(other)) {
            found.add("seed " + seed + " on " + date + ", " + what + ": " + oneSide + " " + one + " but " + otherSide
                              + " " + other);
        }
    }

    private static String describe(PeopleHistories.History history) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < history.events().size(); i++) {
            text.append("  ").append(history.eventIds().get(i)).append(' ').append(history.events().get(i)).append('\n');
        }
        return text.toString();
    }
}

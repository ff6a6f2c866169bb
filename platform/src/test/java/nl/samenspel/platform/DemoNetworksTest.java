package nl.samenspel.platform;

import nl.samenspel.command.api.CommandDispatcher;
import nl.samenspel.platform.demo.DemoLoader;
import nl.samenspel.platform.demo.DemoNetworks;
import nl.samenspel.platform.demo.DemoScript;
import nl.samenspel.support.people.PeopleDirectory;
import nl.samenspel.support.security.Actor;
import nl.samenspel.support.security.SamenspelPrincipal;
import nl.samenspel.support.security.UserStore;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The four demo histories are deterministic for a seed and pass every rule of the real command path. */
class DemoNetworksTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void theSameSeedGivesTheSameHistoriesAndAnotherSeedOtherOnes() {
        List<DemoScript> first = DemoNetworks.all(TODAY, 42);
        List<DemoScript> again = DemoNetworks.all(TODAY, 42);
        List<DemoScript> other = DemoNetworks.all(TODAY, 7);
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i).networkId).isEqualTo(first.get(i).networkId);
            assertThat(again.get(i).entries()).isEqualTo(first.get(i).entries());
            assertThat(other.get(i).networkId).isNotEqualTo(first.get(i).networkId);
        }
        // the demo's people: none shares a name with another, in its network or any other (one coordinator works in all)
        assertThat(first.stream().flatMap(s -> s.people().values().stream()).toList()).doesNotHaveDuplicates()
                                                                                   .hasSizeGreaterThan(40);
        assertThat(first).extracting(s -> s.name).containsExactly("Zorgnetwerk Noorderkwartier", "Alliantie Vijf",
                                                                   "Bouwteam Kademuren", "Leerwerkverbond West");
    }

    @Test
    void everyDemoEntryIsAcceptedByTheNetworkAndLoadingTwiceLogsOnce() {
        try (TestPlatform tp = new TestPlatform()) {
            UserStore users = tp.platform.commands().getBean(UserStore.class);
            Actor admin = new Actor(SamenspelPrincipal.of(users.byUsername("admin").orElseThrow()), "admin");
            Actor coordinator = new Actor(SamenspelPrincipal.of(users.byUsername("coordinator").orElseThrow()), "coordinator");
            CommandDispatcher dispatcher = tp.platform.commands().getBean(CommandDispatcher.class);
            long before = tp.head();
            int entries = 0;
            PeopleDirectory directory = tp.platform.commands().getBean(PeopleDirectory.class);
            for (DemoScript script : DemoNetworks.all(LocalDate.now(), 42)) {
                entries += DemoLoader.load(script, dispatcher, admin, coordinator, directory) + 1;
            }
            assertThat(tp.head() - before).isEqualTo(entries);
            assertThat(entries).as("multi-year histories").isGreaterThan(500);

            for (DemoScript script : DemoNetworks.all(LocalDate.now(), 42)) {
                DemoLoader.load(script, dispatcher, admin, coordinator, directory);
            }
            assertThat(tp.head() - before).as("a second load is answered from the handled command ids").isEqualTo(entries);

            // The demo's people have names in its people directory, as a network's would: a coordinator's lists name
            // every representative and role holder ("unknown" stood beside each of them), each by a name of their own.
            for (DemoScript script : DemoNetworks.all(LocalDate.now(), 42)) {
                String network = script.networkId.toString();
                tp.grantCoordinator(network);
                tp.awaitProjections();
                List<com.fasterxml.jackson.databind.JsonNode> people = new java.util.ArrayList<>();
                for (String list : List.of("/partners", "/roles")) {
                    people.addAll(Api.get(tp.queryPort(), "/api/networks/" + network + list, tp.coordinator).json()
                                     .findParents("personRef"));
                }
                assertThat(people).as(script.name + ": representatives and role holders").isNotEmpty();
                java.util.Map<String, String> named = new java.util.HashMap<>();
                for (com.fasterxml.jackson.databind.JsonNode person : people) {
                    named.put(person.path("personRef").asText(), person.path("displayName").asText());
                }
                assertThat(named.values()).as(script.name).doesNotContain("unknown").doesNotHaveDuplicates()
                                          .allMatch(name -> name.matches("[A-Z][a-z]+ [a-z ]*[A-Z][a-z]+"));
            }
        }
    }
}

package nl.samenspel.command.network;

import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.Motive;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.network.RecordEntry;
import nl.samenspel.kernel.validation.FieldError;
import nl.samenspel.kernel.validation.RuleViolation;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The network the rules tests start from: founded on {@link #FOUNDED}, with three partners active throughout, an
 * insurer that withdrew on {@link #WITHDRAWN} and a housing corporation that only joined on {@link #LATE_JOIN}. Most
 * entries under test happen on {@link #ON}, when the insurer is gone and the housing corporation not yet there.
 */
final class RulesFixture {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final LocalDate FOUNDED = LocalDate.of(2024, 1, 10);
    static final LocalDate WITHDRAWN = LocalDate.of(2025, 1, 1);
    static final LocalDate ON = LocalDate.of(2025, 3, 3);
    static final LocalDate LATE_JOIN = LocalDate.of(2025, 9, 1);

    static final UUID NETWORK = UUID.randomUUID();
    static final UUID HOSPITAL = UUID.randomUUID();
    static final UUID MUNICIPALITY = UUID.randomUUID();
    static final UUID GP_COOPERATIVE = UUID.randomUUID();
    /** Withdrew on {@link #WITHDRAWN}. */
    static final UUID INSURER = UUID.randomUUID();
    /** Joined on {@link #LATE_JOIN}. */
    static final UUID HOUSING = UUID.randomUUID();
    /** Never part of this network. */
    static final UUID STRANGER = UUID.randomUUID();

    private RulesFixture() {
    }

    /** A fixture for the Network aggregate whose clock says it is {@link #TODAY}. */
    static FixtureConfiguration<Network> newFixture() {
        return withStore(new AggregateTestFixture<>(Network.class), NETWORK);
    }

    /**
     * Gives a fixture's command handlers their clock ({@link #TODAY}) and what they read from the event store: the
     * history of the network, and command ids looked up among the events of {@code network} (a fixture holds one).
     */
    static FixtureConfiguration<Network> withStore(FixtureConfiguration<Network> fixture, UUID network) {
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        fixture.registerInjectableResource(NetworkConfiguration.history(fixture.getEventStore()));
        CommandLog commands = commandIds -> {
            Set<String> wanted = commandIds.stream().map(UUID::toString).collect(Collectors.toSet());
            try {
                return fixture.getEventStore().readEvents(network.toString()).asStream()
                              .filter(event -> wanted.contains(String.valueOf(event.getMetaData().get(Network.COMMAND_ID))))
                              .toList();
            } catch (AggregateNotFoundException nothingLoggedYet) {
                return List.of();
            }
        };
        fixture.registerInjectableResource(commands);
        return fixture;
    }

    static NetworkFounded founded() {
        return new NetworkFounded(NETWORK, "Zorgnetwerk Noorderkwartier", "care", "Noord", CollaborationForm.NETWORK,
                                  "Good care close to home", FOUNDED, null, null);
    }

    static PartnerJoined joined(UUID partnerId, String name, LocalDate on) {
        return new PartnerJoined(NETWORK, partnerId, name, "care provider", ParticipationLevel.CORE,
                                 Set.of(Motive.INSTRUMENTAL), on, null, null);
    }

    static PartnerWithdrew withdrew(UUID partnerId, LocalDate on) {
        return new PartnerWithdrew(NETWORK, partnerId, "merger", on, null, null);
    }

    /** The founded network with its partners, followed by {@code more} events. */
    static List<Object> network(Object... more) {
        List<Object> history = new ArrayList<>(List.of(
                founded(),
                joined(HOSPITAL, "Ziekenhuis Noord", FOUNDED),
                joined(MUNICIPALITY, "Gemeente Noorderkwartier", FOUNDED),
                joined(GP_COOPERATIVE, "Huisartsencoöperatie Noord", FOUNDED),
                joined(INSURER, "Zorgverzekeraar West", FOUNDED),
                withdrew(INSURER, WITHDRAWN),
                joined(HOUSING, "Woonstichting Kade", LATE_JOIN)));
        history.addAll(List.of(more));
        return history;
    }

    static RecordEntry record(NetworkEvent entry) {
        return new RecordEntry(NETWORK, UUID.randomUUID(), entry);
    }

    /**
     * The server-assigned id of the network's last logged event, as a correction or retraction names it. Only events
     * logged through commands ({@code givenCommands}) keep their id; plain given events get a new one when replayed.
     */
    static String lastEventId(FixtureConfiguration<Network> fixture) {
        return fixture.getEventStore().readEvents(NETWORK.toString()).asStream()
                      .reduce((first, second) -> second)
                      .map(DomainEventMessage::getIdentifier)
                      .orElseThrow();
    }

    static String text(int length) {
        return "x".repeat(length);
    }

    /** A rule violation of the given kind that names the given field. */
    static Matcher<Throwable> violation(RuleViolation.Kind kind, String field) {
        return violationThat(v -> v.kind() == kind && v.errors().stream().anyMatch(e -> e.field().equals(field)),
                             kind + " violation naming field " + field);
    }

    /** One rule violation of the given kind naming exactly the given fields, each once. */
    static Matcher<Throwable> violationNamingAll(RuleViolation.Kind kind, String... fields) {
        Set<String> expected = new java.util.TreeSet<>(List.of(fields));
        return violationThat(v -> v.kind() == kind && v.errors().size() == fields.length
                                  && v.errors().stream().map(FieldError::field)
                                      .collect(Collectors.toCollection(java.util.TreeSet::new))
                                      .equals(expected),
                             kind + " violation naming " + expected);
    }

    private static Matcher<Throwable> violationThat(Predicate<RuleViolation> test,
                                                    String described) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof RuleViolation v && test.test(v);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(described);
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description description) {
                description.appendText(item instanceof RuleViolation v ? v.kind() + " " + v.getMessage()
                                                                       : item.toString());
            }
        };
    }

    static Matcher<Throwable> invalid(String field) {
        return violation(RuleViolation.Kind.INVALID, field);
    }

    static Matcher<Throwable> notFound(String field) {
        return violation(RuleViolation.Kind.NOT_FOUND, field);
    }

    static Matcher<Throwable> conflict(String field) {
        return violation(RuleViolation.Kind.CONFLICT, field);
    }
}

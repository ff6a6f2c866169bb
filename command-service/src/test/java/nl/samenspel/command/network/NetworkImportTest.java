package nl.samenspel.command.network;

import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.FoundNetwork;
import nl.samenspel.kernel.network.ImportEntries;
import nl.samenspel.kernel.network.ImportOutcome;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.network.RecordEntry;
import nl.samenspel.kernel.structure.SuccessAchieved;
import nl.samenspel.kernel.structure.SuccessKind;
import nl.samenspel.kernel.validation.ImportRejected;
import nl.samenspel.kernel.validation.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing a file of entries: all lines are decided in order, and logged together or not at all. */
class NetworkImportTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final LocalDate FOUNDED = LocalDate.of(2024, 1, 10);
    private static final UUID NETWORK = UUID.randomUUID();
    private static final UUID HOSPITAL = UUID.randomUUID();
    private static final UUID MUNICIPALITY = UUID.randomUUID();
    private static final UUID AGREEMENT = UUID.randomUUID();

    private FixtureConfiguration<Network> fixture;

    @BeforeEach
    void setUp() {
        fixture = RulesFixture.withStore(new AggregateTestFixture<>(Network.class), NETWORK);
    }

    private static NetworkFounded founded() {
        return new NetworkFounded(NETWORK, "Zorgnetwerk Lindewaard", "care", "Lindewaard", CollaborationForm.NETWORK,
                                  "Good care close to home", FOUNDED, null, null);
    }

    private static FoundNetwork found() {
        return new FoundNetwork(NETWORK, UUID.randomUUID(), "Zorgnetwerk Lindewaard", "care", "Lindewaard",
                                CollaborationForm.NETWORK, "Good care close to home", FOUNDED, null, null);
    }

    private static PartnerJoined joined(UUID partnerId, String name, LocalDate on) {
        return new PartnerJoined(NETWORK, partnerId, name, "municipality", ParticipationLevel.CORE, Set.of(), on, null, null);
    }

    private static AgreementMade agreement(LocalDate on, UUID... parties) {
        return new AgreementMade(NETWORK, AGREEMENT, "Shared intake", AgreementKind.PROMISE, null, List.of(parties), null,
                                 on, null, null);
    }

    private static SuccessAchieved success(LocalDate on) {
        return new SuccessAchieved(NETWORK, SuccessKind.MILESTONE, "First joint plan", on, null, null);
    }

    /** An import whose lines are numbered from 2, as the rows under a CSV header. */
    private static ImportEntries importing(boolean checkOnly, NetworkEvent... entries) {
        List<ImportEntries.Line> lines = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            lines.add(new ImportEntries.Line(i + 2, UUID.randomUUID(), entries[i]));
        }
        return new ImportEntries(NETWORK, UUID.randomUUID(), lines, checkOnly);
    }

    @Test
    void aCleanFileIsLoggedWholeAndLaterLinesMayNameWhatEarlierLinesCreated() {
        fixture.given(founded())
               .when(importing(false, joined(HOSPITAL, "Ziekenhuis De Waardpoort", FOUNDED),
                               joined(MUNICIPALITY, "Gemeente Lindewaard", FOUNDED.plusDays(3)),
                               agreement(FOUNDED.plusDays(5), HOSPITAL, MUNICIPALITY)))
               .expectSuccessfulHandlerExecution()
               .expectEvents(joined(HOSPITAL, "Ziekenhuis De Waardpoort", FOUNDED),
                             joined(MUNICIPALITY, "Gemeente Lindewaard", FOUNDED.plusDays(3)),
                             agreement(FOUNDED.plusDays(5), HOSPITAL, MUNICIPALITY))
               .expectResultMessagePayloadMatching(matching("three logged entries, the agreement as its subject",
                       outcome -> outcome.loggedEventIds().size() == 3
                               && AGREEMENT.equals(outcome.lines().get(2).subjectId())));
    }

    @Test
    void aFileWithRefusedLinesLogsNothingAndNamesEveryRefusedLine() {
        fixture.given(founded())
               .when(importing(false, joined(HOSPITAL, "Ziekenhuis De Waardpoort", FOUNDED),
                               agreement(FOUNDED.plusDays(5), HOSPITAL, MUNICIPALITY),
                               success(FOUNDED.plusDays(6)),
                               success(FOUNDED.minusDays(1)),
                               joined(MUNICIPALITY, "ziekenhuis de waardpoort", FOUNDED)))
               .expectNoEvents()
               .expectException(rejected(List.of(3, 5, 6), List.of("partyIds[1]", "occurredOn", "name")));
    }

    @Test
    void eachLineIsDecidedOnTheNetworkAsTheLinesBeforeItLeaveIt() {
        fixture.given(founded(), joined(HOSPITAL, "Ziekenhuis De Waardpoort", FOUNDED))
               .when(importing(false, new PartnerWithdrew(NETWORK, HOSPITAL, "merger", FOUNDED.plusDays(30), null, null),
                               agreement(FOUNDED.plusDays(40), HOSPITAL)))
               .expectNoEvents()
               .expectException(rejected(List.of(3), List.of("partyIds[0]")));
    }

    @Test
    void aLineThatWasSentBeforeIsAnsweredAsReplayedAndNotLoggedAgain() {
        UUID commandId = UUID.randomUUID();
        PartnerJoined hospital = joined(HOSPITAL, "Ziekenhuis De Waardpoort", FOUNDED);
        ImportEntries file = new ImportEntries(NETWORK, UUID.randomUUID(), List.of(
                new ImportEntries.Line(1, commandId, hospital),
                new ImportEntries.Line(2, UUID.randomUUID(), success(FOUNDED.plusDays(1)))), false);
        fixture.givenCommands(found(), new RecordEntry(NETWORK, commandId, hospital))
               .when(file)
               .expectEvents(success(FOUNDED.plusDays(1)))
               .expectResultMessagePayloadMatching(matching("the first line replayed, one entry logged",
                       outcome -> outcome.lines().get(0).replayed()
                               && outcome.loggedEventIds().size() == 1));
    }

    @Test
    void reusingACommandIdForADifferentEntryIsRefusedForThatLine() {
        UUID commandId = UUID.randomUUID();
        ImportEntries file = new ImportEntries(NETWORK, UUID.randomUUID(), List.of(
                new ImportEntries.Line(7, commandId, success(FOUNDED.plusDays(2)))), false);
        fixture.givenCommands(found(), new RecordEntry(NETWORK, commandId, success(FOUNDED.plusDays(1))))
               .when(file)
               .expectNoEvents()
               .expectException(rejected(List.of(7), List.of("commandId")));
    }

    @Test
    void aCheckOnlyImportLogsNothingEvenWhenEveryLinePasses() {
        fixture.given(founded())
               .when(importing(true, joined(HOSPITAL, "Ziekenhuis De Waardpoort", FOUNDED), success(FOUNDED)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayloadMatching(matching("two lines that would be logged",
                       outcome -> outcome.checkOnly() && outcome.lines().size() == 2
                               && outcome.loggedEventIds().isEmpty()));
    }

    private static Matcher<Throwable> rejected(List<Integer> lines, List<String> fields) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                if (!(item instanceof ImportRejected rejected)) {
                    return false;
                }
                List<Integer> numbers = rejected.lines().stream().map(ImportRejected.RejectedLine::line).toList();
                List<String> named = rejected.lines().stream().map(l -> l.errors().get(0).field()).toList();
                assertThat(rejected.kind()).isEqualTo(RuleViolation.Kind.INVALID);
                return numbers.equals(lines) && named.equals(fields);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an import refused on lines " + lines + " for fields " + fields);
            }
        };
    }

    private static Matcher<ImportOutcome> matching(String what, Predicate<ImportOutcome> check) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ImportOutcome item) {
                return check.test(item);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(what);
            }
        };
    }
}

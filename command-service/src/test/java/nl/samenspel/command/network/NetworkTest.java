package nl.samenspel.command.network;

import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.CommandOutcome;
import nl.samenspel.kernel.network.FoundNetwork;
import nl.samenspel.kernel.network.RecordEntry;
import nl.samenspel.kernel.network.Motive;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.kernel.tension.Signal;
import nl.samenspel.kernel.tension.TemperatureMeasured;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The rules of founding a network and of partners joining and withdrawing, decided by the Network aggregate. */
class NetworkTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final LocalDate FOUNDED = LocalDate.of(2024, 1, 10);
    private static final UUID NETWORK = UUID.randomUUID();
    private static final UUID HOSPITAL = UUID.randomUUID();
    private static final UUID MUNICIPALITY = UUID.randomUUID();

    private FixtureConfiguration<Network> fixture;

    @BeforeEach
    void setUp() {
        fixture = RulesFixture.withStore(new AggregateTestFixture<>(Network.class), NETWORK);
    }

    static FoundNetwork found(UUID commandId) {
        return new FoundNetwork(NETWORK, commandId, "Zorgnetwerk Noorderkwartier", "care", "Noord",
                                CollaborationForm.NETWORK, "Good care close to home", FOUNDED, Source.MINUTES, null);
    }

    static NetworkFounded founded() {
        return new NetworkFounded(NETWORK, "Zorgnetwerk Noorderkwartier", "care", "Noord", CollaborationForm.NETWORK,
                                  "Good care close to home", FOUNDED, Source.MINUTES, null);
    }

    static RecordEntry join(UUID partnerId, String name, LocalDate on) {
        return record(new PartnerJoined(NETWORK, partnerId, name, "hospital", ParticipationLevel.CORE,
                                        Set.of(Motive.MORAL, Motive.INSTRUMENTAL), on, null, null));
    }

    static RecordEntry record(nl.samenspel.kernel.network.NetworkEvent entry) {
        return new RecordEntry(NETWORK, UUID.randomUUID(), entry);
    }

    static PartnerJoined joined(UUID partnerId, String name, LocalDate on) {
        return new PartnerJoined(NETWORK, partnerId, name, "hospital", ParticipationLevel.CORE,
                                 Set.of(Motive.INSTRUMENTAL, Motive.MORAL), on, null, null);
    }

    static RecordEntry withdraw(UUID partnerId, LocalDate on) {
        return record(new PartnerWithdrew(NETWORK, partnerId, "merger", on, null, null));
    }

    /** The answer to a command, whatever the id of the event it logged. */
    static Matcher<CommandOutcome> outcome(UUID commandId, UUID subjectId, boolean replayed) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandOutcome item) {
                return item.commandId().equals(commandId) && item.networkId().equals(NETWORK)
                        && java.util.Objects.equals(item.subjectId(), subjectId) && item.eventId() != null
                        && item.replayed() == replayed;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("outcome of " + commandId + " for " + subjectId + ", replayed " + replayed);
            }
        };
    }

    static Matcher<Throwable> violation(RuleViolation.Kind kind, String field) {
        return RulesFixture.violation(kind, field);
    }

    @Nested
    class Founding {
        @Test
        void foundingLogsNetworkFoundedAndAnswersWithTheNetworkId() {
            UUID commandId = UUID.randomUUID();
            fixture.givenNoPriorActivity()
                   .when(found(commandId))
                   .expectEvents(founded())
                   .expectResultMessagePayloadMatching(outcome(commandId, NETWORK, false));
        }

        @Test
        void resendingTheSameCommandLogsNothingAndAnswersAsTheFirstTime() {
            UUID commandId = UUID.randomUUID();
            fixture.givenCommands(found(commandId))
                   .when(found(commandId))
                   .expectNoEvents()
                   .expectResultMessagePayloadMatching(outcome(commandId, NETWORK, true));
        }

        @Test
        void reusingACommandIdForADifferentCommandIsAConflict() {
            UUID commandId = UUID.randomUUID();
            FoundNetwork other = new FoundNetwork(NETWORK, commandId, "Another name", null, null,
                                                  CollaborationForm.ALLIANCE, null, FOUNDED, null, null);
            fixture.givenCommands(found(commandId))
                   .when(other)
                   .expectNoEvents()
                   .expectException(violation(RuleViolation.Kind.CONFLICT, "commandId"));
        }

        @Test
        void foundingAnExistingNetworkAgainIsAConflict() {
            fixture.given(founded())
                   .when(found(UUID.randomUUID()))
                   .expectNoEvents()
                   .expectException(violation(RuleViolation.Kind.CONFLICT, "networkId"));
        }

        @Test
        void aBlankNameIsRefused() {
            fixture.givenNoPriorActivity()
                   .when(new FoundNetwork(NETWORK, UUID.randomUUID(), "  ", null, null, CollaborationForm.NETWORK, null,
                                          FOUNDED, null, null))
                   .expectNoEvents()
                   .expectException(violation(RuleViolation.Kind.INVALID, "name"));
        }

        @Test
        void aNameOverTwoHundredCharactersIsRefused() {
            fixture.givenNoPriorActivity()
                   .when(new FoundNetwork(NETWORK, UUID.randomUUID(), "x".repeat(201), null, null,
                                          CollaborationForm.NETWORK, null, FOUNDED, null, null))
                   .expectException(violation(RuleViolation.Kind.INVALID, "name"));
        }

        @Test
        void anOversizedSocietalTaskIsRefused() {
            fixture.givenNoPriorActivity()
                   .when(new FoundNetwork(NETWORK, UUID.randomUUID(), "N", null, null, CollaborationForm.NETWORK,
                                          "x".repeat(2_001), FOUNDED, null, null))
                   .expectException(violation(RuleViolation.Kind.INVALID, "societalTask"));
        }

        @Test
        void aFoundingDateInTheFutureIsRefused() {
            fixture.givenNoPriorActivity()
                   .when(new FoundNetwork(NETWORK, UUID.randomUUID(), "N", null, null, CollaborationForm.NETWORK, null,
                                          TODAY.plusDays(1), null, null))
                   .expectException(violation(RuleViolation.Kind.INVALID, "foundedOn"));
        }

        /** A year typed as 0 or as a negative year: its health would reach back tens of thousands of months. */
        @Test
        void aFoundingDateBeforeTheEarliestDateTakenIsRefused() {
            for (LocalDate typo : List.of(LocalDate.of(0, 1, 1), LocalDate.of(-2024, 1, 1), LocalDate.of(1899, 12, 31))) {
                fixture.givenNoPriorActivity()
                       .when(new FoundNetwork(NETWORK, UUID.randomUUID(), "N", null, null, CollaborationForm.NETWORK, null,
                                              typo, null, null))
                       .expectNoEvents()
                       .expectException(violation(RuleViolation.Kind.INVALID, "foundedOn"));
            }
            fixture.givenNoPriorActivity()
                   .when(new FoundNetwork(NETWORK, UUID.randomUUID(), "N", null, null, CollaborationForm.NETWORK, null,
                                          LocalDate.of(1900, 1, 1), null, null))
                   .expectSuccessfulHandlerExecution();
        }

        @Test
        void aMissingCollaborationFormIsRefused() {
            fixture.givenNoPriorActivity()
                   .when(new FoundNetwork(NETWORK, UUID.randomUUID(), "N", null, null, null, null, FOUNDED, null, null))
                   .expectException(violation(RuleViolation.Kind.INVALID, "collaborationForm"));
        }
    }

    @Nested
    class Joining {
        @Test
        void aPartnerJoins() {
            fixture.given(founded())
                   .when(join(HOSPITAL, "Ziekenhuis Noord", FOUNDED.plusDays(3)))
                   .expectEvents(joined(HOSPITAL, "Ziekenhuis Noord", FOUNDED.plusDays(3)));
        }

        @Test
        void joiningAnUnknownNetworkIsRefused() {
            fixture.givenNoPriorActivity()
                   .when(join(HOSPITAL, "Ziekenhuis Noord", FOUNDED))
                   .expectException(AggregateNotFoundException.class);
        }

        @Test
        void aSecondActivePartnerWithTheSameNameIsAConflict() {
            fixture.given(founded(), joined(HOSPITAL, "Ziekenhuis Noord", FOUNDED))
                   .when(join(MUNICIPALITY, "ziekenhuis noord ", FOUNDED.plusDays(1)))
                   .expectNoEvents()
                   .expectException(violation(RuleViolation.Kind.CONFLICT, "name"));
        }

        @Test
        void theNameOfAWithdrawnPartnerMayBeUsedByANewPartner() {
            fixture.given(founded(), joined(HOSPITAL, "Ziekenhuis Noord", FOUNDED),
                          new PartnerWithdrew(NETWORK, HOSPITAL, "merger", FOUNDED.plusDays(30), null, null))
                   .when(join(MUNICIPALITY, "Ziekenhuis Noord", FOUNDED.plusDays(40)))
                   .expectEvents(joined(MUNICIPALITY, "Ziekenhuis Noord", FOUNDED.plusDays(40)));
        }

        @Test
        void thesamePartnerIdTwiceIsAConflict() {
            fixture.given(founded(), joined(HOSPITAL, "Ziekenhuis Noord", FOUNDED))
                   .when(join(HOSPITAL, "Other", FOUNDED))
                   .expectException(violation(RuleViolation.Kind.CONFLICT, "partnerId"));
        }

        @Test
        void joiningBeforeTheNetworkWasFoundedIsRefused() {
            fixture.given(founded())
                   .when(join(HOSPITAL, "Ziekenhuis Noord", FOUNDED.minusDays(1)))
                   .expectException(violation(RuleViolation.Kind.INVALID, "occurredOn"));
        }

        @Test
        void joiningInTheFutureIsRefused() {
            fixture.given(founded())
                   .when(join(HOSPITAL, "Ziekenhuis Noord", TODAY.plusDays(1)))
                   .expectException(violation(RuleViolation.Kind.INVALID, "occurredOn"));
        }

        @Test
        void aBackDatedJoinWithinTheHistoryIsAccepted() {
            fixture.given(founded())
                   .when(join(HOSPITAL, "Ziekenhuis Noord", FOUNDED))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(joined(HOSPITAL, "Ziekenhuis Noord", FOUNDED));
        }

        @Test
        void blankNameAndTypeAndMissingLevelAreAllReportedAtOnce() {
            fixture.given(founded())
                   .when(record(new PartnerJoined(NETWORK, HOSPITAL, "", " ", null, null, FOUNDED, null, null)))
                   .expectException(violation(RuleViolation.Kind.INVALID, "participationLevel"))
                   .expectExceptionMessage("name: must not be blank; participationLevel: must not be null; "
                                                   + "partnerType: must not be blank");
        }
    }

    @Nested
    class Withdrawing {
        @Test
        void aPartnerWithdraws() {
            fixture.given(founded(), joined(HOSPITAL, "Ziekenhuis Noord", FOUNDED))
                   .when(withdraw(HOSPITAL, FOUNDED.plusDays(100)))
                   .expectEvents(new PartnerWithdrew(NETWORK, HOSPITAL, "merger", FOUNDED.plusDays(100), null, null));
        }

        @Test
        void anUnknownPartnerIsNotFound() {
            fixture.given(founded())
                   .when(withdraw(HOSPITAL, FOUNDED.plusDays(1)))
                   .expectException(violation(RuleViolation.Kind.NOT_FOUND, "partnerId"));
        }

        @Test
        void withdrawingTwiceIsAConflict() {
            fixture.given(founded(), joined(HOSPITAL, "Ziekenhuis Noord", FOUNDED),
                          new PartnerWithdrew(NETWORK, HOSPITAL, "merger", FOUNDED.plusDays(5), null, null))
                   .when(withdraw(HOSPITAL, FOUNDED.plusDays(6)))
                   .expectException(violation(RuleViolation.Kind.CONFLICT, "partnerId"));
        }

        @Test
        void withdrawingBeforeJoiningIsRefused() {
            fixture.given(founded(), joined(HOSPITAL, "Ziekenhuis Noord", FOUNDED.plusDays(10)))
                   .when(withdraw(HOSPITAL, FOUNDED.plusDays(9)))
                   .expectException(violation(RuleViolation.Kind.INVALID, "occurredOn"));
        }

        @Test
        void aBlankReasonIsRefused() {
            fixture.given(founded(), joined(HOSPITAL, "Ziekenhuis Noord", FOUNDED))
                   .when(record(new PartnerWithdrew(NETWORK, HOSPITAL, "", FOUNDED.plusDays(1), null, null)))
                   .expectException(violation(RuleViolation.Kind.INVALID, "reason"));
        }
    }

    /** Resends of entries logged by an older version, whose fingerprint was taken over toString(). */
    @Nested
    class ResendsOfOlderEntries {
        private final UUID commandId = UUID.randomUUID();
        private final List<UUID> pair = List.of(HOSPITAL, MUNICIPALITY);

        private TemperatureMeasured reading(Signal... signals) {
            return new TemperatureMeasured(NETWORK, pair, 2, new LinkedHashSet<>(List.of(signals)), FOUNDED.plusDays(3),
                                           null, null);
        }

        /** The entry as an older version stored it: the fingerprint over its toString() in that JVM's set order. */
        private GenericDomainEventMessage<TemperatureMeasured> storedByOlderVersion(TemperatureMeasured entry)
                throws NoSuchAlgorithmException {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    new RecordEntry(NETWORK, commandId, entry).toString().getBytes(StandardCharsets.UTF_8));
            String legacy = HexFormat.of().formatHex(digest, 0, 16);
            return new GenericDomainEventMessage<>("Network", NETWORK.toString(), 3, entry,
                                                   MetaData.with(Network.COMMAND_ID, commandId.toString())
                                                           .and(Network.COMMAND_FINGERPRINT, legacy));
        }

        @Test
        void aResendWhoseSetIteratesInAnotherOrderReplaysTheStoredEntry() throws Exception {
            GenericDomainEventMessage<TemperatureMeasured> stored =
                    storedByOlderVersion(reading(Signal.GUARDEDNESS, Signal.AVOIDED_TOPICS, Signal.DEFENSIVENESS));
            fixture.given(founded(), joined(HOSPITAL), joined(MUNICIPALITY), stored)
                   .when(new RecordEntry(NETWORK, commandId,
                                         reading(Signal.DEFENSIVENESS, Signal.AVOIDED_TOPICS, Signal.GUARDEDNESS)))
                   .expectNoEvents()
                   .expectResultMessagePayloadMatching(outcome(commandId, null, true));
        }

        @Test
        void theSameIdWithOtherContentIsStillAConflict() throws Exception {
            fixture.given(founded(), joined(HOSPITAL), joined(MUNICIPALITY),
                          storedByOlderVersion(reading(Signal.GUARDEDNESS, Signal.AVOIDED_TOPICS)))
                   .when(new RecordEntry(NETWORK, commandId, reading(Signal.GUARDEDNESS)))
                   .expectNoEvents()
                   .expectException(violation(RuleViolation.Kind.CONFLICT, "commandId"));
        }

        private PartnerJoined joined(UUID partnerId) {
            return new PartnerJoined(NETWORK, partnerId, "Partner " + partnerId, "care provider",
                                     ParticipationLevel.CORE, Set.of(), FOUNDED, null, null);
        }
    }
}

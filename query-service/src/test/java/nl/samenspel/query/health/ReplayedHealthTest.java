package nl.samenspel.query.health;

import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.people.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static nl.samenspel.query.facts.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay folds and stores a network once its log is delivered to the end, not once per batch; live entries are
 * stored with their own batch, and replayed entries that were held back and then lost are read back from the log.
 */
class ReplayedHealthTest {
    private static final UUID HOSPITAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID TOWN = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID SCHOOL = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID EVALUATION = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

    private HealthFixture fixture;
    private HealthProjection projection;

    @BeforeEach
    void logAYear() {
        fixture = new HealthFixture();
        fixture.append(NETWORK,
                       founded("Zorgnetwerk Noorderkwartier", "2026-01-10"),                                    // 0
                       joined(HOSPITAL, "Ziekenhuis Noord", ParticipationLevel.CORE, "2026-02-01"),             // 1
                       joined(TOWN, "Gemeente Noord", ParticipationLevel.CORE, "2026-02-01"),                   // 2
                       joined(SCHOOL, "ROC Noord", ParticipationLevel.PARTICIPANT, "2026-02-02"),               // 3
                       balance(TOWN, BalanceRating.UNFAIR, "2026-03-15"),                                       // 4
                       meeting(UUID.randomUUID(), MeetingKind.FORMAL, List.of(new Attendance(HOSPITAL, Level.BOARD),
                               new Attendance(TOWN, Level.BOARD)), "2026-04-20"),                               // 5
                       evaluation(EVALUATION, Instrument.FIVE_CONDITIONS, "2026-06-01"),                        // 6
                       response(EVALUATION, HOSPITAL, Level.BOARD, false, List.of(4, 4, 3, 2, 5), null, "2026-06-02"), // 7
                       response(EVALUATION, TOWN, Level.MANAGEMENT, false, List.of(1, 2, 1, 2, 1), null, "2026-06-03"), // 8
                       balance(HOSPITAL, BalanceRating.UNFAIR, "2026-03-10"),                                   // 9 back-dated
                       withdrew(SCHOOL, "no time", "2026-09-01"));                                              // 10
        String meeting = fixture.entries(NETWORK, 5, 5).get(0).eventId();
        fixture.append(NETWORK, retracted(meeting, "2026-10-02"));                                             // 11
        projection = new HealthProjection(fixture.logs, fixture.healthStore(), fixture.clock);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aReplayedBatchBeforeTheEndOfTheLogIsStoredWithTheBatchThatDeliversTheRest() {
        projection.applyOrDefer(NETWORK, fixture.entries(NETWORK, 0, 4), true);
        assertThat(fixture.storedNetwork(NETWORK)).as("nothing stored while the log goes on").isNull();
        projection.applyOrDefer(NETWORK, fixture.entries(NETWORK, 5, 8), true);
        assertThat(fixture.storedNetwork(NETWORK)).isNull();

        projection.applyOrDefer(NETWORK, fixture.entries(NETWORK, 9, 11), true);

        fixture.assertStoredIsFoldOfWholeLog(NETWORK);
    }

    @Test
    void liveEntriesAreStoredWithTheirBatchEvenWhenTheLogGoesOn() {
        projection.applyOrDefer(NETWORK, fixture.entries(NETWORK, 0, 4), false);

        assertThat(fixture.storedNetwork(NETWORK).get("lastSequence", Number.class).longValue()).isEqualTo(4);
    }

    @Test
    void heldBackEntriesThatAreLostAreReadBackFromTheLog() {
        projection.applyOrDefer(NETWORK, fixture.entries(NETWORK, 0, 6), true);
        // The segment leaves this instance and comes back: what it held back is gone.
        projection.forgetUnless(network -> false);

        projection.applyOrDefer(NETWORK, fixture.entries(NETWORK, 7, 11), true);

        fixture.assertStoredIsFoldOfWholeLog(NETWORK);
    }

    @Test
    void heldBackEntriesThatNoLongerJoinTheNextBatchAreNotFoldedInItsPlace() {
        projection.applyOrDefer(NETWORK, fixture.entries(NETWORK, 0, 4), true);
        // Another instance folded 5..8 meanwhile; this one receives the batch after them.

        projection.applyOrDefer(NETWORK, fixture.entries(NETWORK, 9, 11), true);

        fixture.assertStoredIsFoldOfWholeLog(NETWORK);
    }
}

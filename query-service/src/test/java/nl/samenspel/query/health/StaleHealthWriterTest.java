package nl.samenspel.query.health;

import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.people.Level;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static nl.samenspel.query.facts.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two query-service instances' health writers over one store, as when the segment holding a network moves from one
 * instance to the other: the instance left with a stale copy of the network's health never overwrites the fresher
 * health the other stored.
 */
class StaleHealthWriterTest {
    private static final UUID HOSPITAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID TOWN = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID SCHOOL = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID EVALUATION = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

    private HealthFixture fixture;
    private HealthProjection first;
    private HealthProjection second;

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
        first = new HealthProjection(fixture.logs, fixture.healthStore(), fixture.clock);
        second = new HealthProjection(fixture.logs, fixture.healthStore(), fixture.clock);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void anOlderBatchOfAnInstanceThatLostTheSegmentDoesNotOverwriteFresherHealth() {
        first.apply(NETWORK, fixture.entries(NETWORK, 0, 5));
        // The segment moves: the second instance takes over from the stored token and folds the rest of the log...
        second.apply(NETWORK, fixture.entries(NETWORK, 6, 11));
        fixture.assertStoredIsFoldOfWholeLog(NETWORK);
        Document fresher = fixture.storedNetwork(NETWORK);

        // ...while the first still finishes the batch it had in flight, on its copy of the first six entries.
        first.apply(NETWORK, fixture.entries(NETWORK, 6, 8));

        assertThat(fixture.storedNetwork(NETWORK)).isEqualTo(fresher);
        fixture.assertStoredIsFoldOfWholeLog(NETWORK);
        assertThat(first.holds(NETWORK)).as("the refused copy is dropped").isFalse();
    }

    @Test
    void aWriterThatLooksBeforeTheFresherHealthLandsStillCannotReplaceAnyOfIt() {
        LateStore lateStore = new LateStore(fixture);
        HealthProjection late = new HealthProjection(fixture.logs, lateStore, fixture.clock);
        late.apply(NETWORK, fixture.entries(NETWORK, 0, 5));
        lateStore.looksSee(fixture.storedNetwork(NETWORK));
        second.apply(NETWORK, fixture.entries(NETWORK, 6, 11));
        Document fresher = fixture.storedNetwork(NETWORK);
        List<Document> fresherMonths = fixture.healthStore().months(NETWORK);

        // It looks, finds its own older health, and writes after the fresher health landed.
        late.apply(NETWORK, fixture.entries(NETWORK, 6, 8));

        assertThat(fixture.storedNetwork(NETWORK)).isEqualTo(fresher);
        assertThat(fixture.healthStore().months(NETWORK)).isEqualTo(fresherMonths);
        fixture.assertStoredIsFoldOfWholeLog(NETWORK);
        assertThat(late.holds(NETWORK)).isFalse();
    }

    @Test
    void aStaleCopyBroughtUpToANewDayDoesNotOverwriteFresherHealth() {
        first.apply(NETWORK, fixture.entries(NETWORK, 0, 5));
        second.apply(NETWORK, fixture.entries(NETWORK, 6, 11));

        fixture.clock.set(LocalDate.parse("2026-12-01"));
        first.refresh(NETWORK, LocalDate.now(fixture.clock));

        fixture.assertStoredIsFoldOfWholeLog(NETWORK);
        assertThat(fixture.storedNetwork(NETWORK).getString("evaluatedOn")).isEqualTo("2026-12-01");
    }

    /**
     * A store that, once told, sees the network's stored health as it was before another instance wrote: as a writer
     * does that looked before the other's write landed.
     */
    private static final class LateStore extends HealthStore {
        private Document earlierView;

        LateStore(HealthFixture fixture) {
            super(fixture.template(), fixture.json);
        }

        void looksSee(Document earlier) {
            earlierView = earlier;
        }

        @Override
        Document network(UUID networkId) {
            return earlierView != null ? earlierView : super.network(networkId);
        }
    }
}

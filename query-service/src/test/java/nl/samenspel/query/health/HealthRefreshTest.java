package nl.samenspel.query.health;

import nl.samenspel.health.LoggedEntry;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.people.Level;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static nl.samenspel.query.facts.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time moving on is handled in the background: after midnight the health views answer the health as stored, without
 * reading the log or computing anything, until the refresh job brings it up to the new day; and the job only touches
 * the networks this instance computes.
 */
class HealthRefreshTest {
    private static final UUID HOSPITAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID TOWN = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private HealthFixture fixture;
    private HealthStore store;
    private HealthProjection projection;
    private HealthQueries queries;
    private HealthRefresher refresher;
    private final Set<UUID> computedHere = new HashSet<>();

    @BeforeEach
    void storeHealthOnTheLastDayOfNovember() {
        fixture = new HealthFixture();
        fixture.append(NETWORK,
                       founded("Zorgnetwerk Noorderkwartier", "2026-01-10"),
                       joined(HOSPITAL, "Ziekenhuis Noord", ParticipationLevel.CORE, "2026-02-01"),
                       joined(TOWN, "Gemeente Noord", ParticipationLevel.CORE, "2026-02-01"),
                       balance(TOWN, BalanceRating.UNFAIR, "2026-03-15"),
                       meeting(UUID.randomUUID(), MeetingKind.FORMAL, List.of(new Attendance(HOSPITAL, Level.BOARD),
                               new Attendance(TOWN, Level.BOARD)), "2026-11-20"));
        store = fixture.healthStore();
        projection = new HealthProjection(fixture.logs, store, fixture.clock);
        // The views are given a log that cannot be read: were a view to compute health, it would fail.
        queries = new HealthQueries(store, new UnreadableLog(fixture), fixture.clock);
        refresher = new HealthRefresher(projection, store, computedHere::contains, fixture.clock, Duration.ofMinutes(1));
        projection.apply(NETWORK, fixture.entries(NETWORK, 0, 4));
        assertThat(fixture.storedNetwork(NETWORK).getString("evaluatedOn")).isEqualTo("2026-11-30");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void afterMidnightTheViewsAnswerTheStoredHealthUntilTheJobBringsItToTheNewDay() {
        computedHere.add(NETWORK);
        Document stored = fixture.storedNetwork(NETWORK);
        List<Document> months = store.months(NETWORK);
        List<Document> timeline = queries.timeline(NETWORK);
        fixture.clock.set(LocalDate.parse("2026-12-01"));

        assertThat(queries.current(NETWORK).getString("month")).as("the health of yesterday").isEqualTo("2026-11");
        assertThat(queries.timeline(NETWORK)).isEqualTo(timeline).hasSize(months.size());
        assertThat(queries.episodes(NETWORK)).isEqualTo(stored.get("episodes"));
        assertThat(queries.series(NETWORK, List.of("H5"))).hasSize(months.size());
        assertThat(fixture.storedNetwork(NETWORK)).as("nothing computed nor written by a read").isEqualTo(stored);

        assertThat(refresher.refreshAll()).isEqualTo(1);

        assertThat(fixture.storedNetwork(NETWORK).getString("evaluatedOn")).isEqualTo("2026-12-01");
        assertThat(queries.current(NETWORK).getString("month")).isEqualTo("2026-12");
        assertThat(queries.current(NETWORK).getString("asOf")).isEqualTo("2026-12-01");
        fixture.assertStoredIsFoldOfWholeLog(NETWORK);
        assertThat(refresher.refreshAll()).as("already evaluated today").isZero();
    }

    @Test
    void theJobLeavesANetworkAnotherInstanceComputesAndDropsItsCopyOfIt() {
        Document stored = fixture.storedNetwork(NETWORK);
        fixture.clock.set(LocalDate.parse("2026-12-01"));

        assertThat(refresher.refreshAll()).isZero();

        assertThat(fixture.storedNetwork(NETWORK)).isEqualTo(stored);
        assertThat(projection.holds(NETWORK)).isFalse();

        computedHere.add(NETWORK);
        assertThat(refresher.refreshAll()).as("once this instance holds the segment").isEqualTo(1);
        fixture.assertStoredIsFoldOfWholeLog(NETWORK);
    }

    /** A network log that fails when read. */
    private static final class UnreadableLog extends NetworkLogReader {
        UnreadableLog(HealthFixture fixture) {
            super(null, null);
        }

        @Override
        public List<LoggedEntry> read(UUID networkId, long untilExclusive) {
            throw new AssertionError("a health view read the log of " + networkId);
        }

        @Override
        public List<LoggedEntry> all(UUID networkId) {
            throw new AssertionError("a health view read the log of " + networkId);
        }
    }
}

package nl.samenspel.query.health;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static nl.samenspel.query.facts.Events.*;
import static nl.samenspel.query.health.HealthFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two query-service instances' health writers over one store, as when the segment holding a network moves from one
 * instance to the other: the instance left with a stale copy of the network's health never overwrites the fresher
 * health the other stored.
 */
class StaleHealthWriterTest {

    private HealthFixture fixture;
    private HealthProjection first;
    private HealthProjection second;

    @BeforeEach
    void logAYear() {
        fixture = new HealthFixture();
        fixture.logAYear(NETWORK);
        first = fixture.projection();
        second = fixture.projection();
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

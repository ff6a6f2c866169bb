package nl.samenspel.query.health;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static nl.samenspel.query.facts.Events.*;
import static nl.samenspel.query.health.HealthFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay folds and stores a network once its log is delivered to the end, not once per batch; live entries are
 * stored with their own batch, and replayed entries that were held back and then lost are read back from the log.
 */
class ReplayedHealthTest {

    private HealthFixture fixture;
    private HealthProjection projection;

    @BeforeEach
    void logAYear() {
        fixture = new HealthFixture();
        fixture.logAYear(NETWORK);
        projection = fixture.projection();
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

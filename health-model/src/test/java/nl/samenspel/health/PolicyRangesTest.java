package nl.samenspel.health;

import nl.samenspel.health.dip.NetworkEnergy;
import nl.samenspel.kernel.health.HealthPolicy;
import nl.samenspel.kernel.people.LeadRole;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every policy key has a range: an override outside it (a window of 0 months, a share above 1) is refused on the
 * command side and ignored by the model, and the thresholds that used to be written into the rules are keys too.
 */
class PolicyRangesTest {

    @Test
    void everyDefaultLiesInItsRangeAndAZeroWindowDoesNot() {
        for (String key : HealthPolicy.keys()) {
            assertThat(HealthPolicy.problem(key, HealthPolicy.defaultOf(key))).as(key).isEmpty();
        }
        assertThat(HealthPolicy.problem("people.windowMonths", 0.0)).isPresent();
        assertThat(HealthPolicy.problem("dip.restartMonths", 0.0)).isPresent();
        assertThat(HealthPolicy.problem("energy.smoothingMonths", 2.5)).hasValue("must be a whole number from 1 to 12");
        assertThat(HealthPolicy.problem("capitals.economicShare", 1.5)).isPresent();
        assertThat(HealthPolicy.problem("no.such.key", 1.0)).get().asString().startsWith("is not a health policy setting");
        assertThat(HealthPolicy.problem("dip.restartMonths", 3.0)).isEmpty();
    }

    @Test
    void anOutOfRangeOverrideInTheLogIsIgnored() {
        HealthPolicy policy = HealthPolicy.defaults().with(Map.of("dip.restartMonths", 0.0, "people.windowMonths", 0.0,
                                                                  "dip.energyRatio", 0.5));
        assertThat(policy.get("dip.restartMonths")).isEqualTo(2.0);
        assertThat(policy.get("people.windowMonths")).isEqualTo(12.0);
        assertThat(policy.get("dip.energyRatio")).isEqualTo(0.5);
    }

    @Test
    void aRestartWindowOfZeroMonthsDoesNotEndADipAtOnce() {
        HistoryBuilderB b = HistoryBuilderB.steadyThenThreeDrivers();
        b.policy("2025-07-15", Map.of("dip.restartMonths", 0.0, "people.windowMonths", 0.0));

        HealthTimeline timeline = b.timeline("2025-08-31");

        assertThat(timeline.months().get(6).indicator("H5").figure("phase")).isEqualTo(NetworkEnergy.IN_DIP);
        assertThat(timeline.latest().indicator("H5").figure("phase")).isEqualTo(NetworkEnergy.IN_DIP);
        assertThat(timeline.latest().indicator("H8").status()).isNotNull();
    }

    @Test
    void theLeadershipFloorOfVitalityIsAPolicyKey() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        b.role(LeadRole.CHAIR, "x", "A", "2023-02-04");
        b.role(LeadRole.COORDINATOR, "y", "B", "2023-02-04");
        assertThat(b.indicator("H7", "2023-02").figure("ingredients")).extracting("sharedLeadership").isEqualTo(false);

        b.policy("2023-02-10", Map.of("vitality.leadershipPeople", 2.0, "vitality.okScore", 1.0));

        IndicatorValue h7 = b.indicator("H7", "2023-02");
        assertThat(h7.figure("ingredients")).extracting("sharedLeadership").isEqualTo(true);
        assertThat(h7.status()).isEqualTo(Status.OK);
    }
}

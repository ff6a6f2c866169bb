package nl.samenspel.health;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules that read other indicators (the dip phase reads the dip risk, the phase suggestion reads the energy, A18 reads
 * the suggestion) ask for them by type, so the order the model registers its rules in changes nothing but the order
 * of the answer.
 */
class RuleOrderTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void theRegistrationOrderOfTheRulesDoesNotChangeTheHealth() {
        HealthModel standard = HealthModel.standard();
        List<Indicator> reversed = new ArrayList<>(standard.indicators());
        Collections.reverse(reversed);
        List<AlertRule> alerts = new ArrayList<>(standard.alerts());
        Collections.reverse(alerts);
        HealthModel backwards = new HealthModel(reversed, alerts);
        for (long seed = 1; seed <= 20; seed++) {
            List<LoggedEntry> log = RandomHistories.generate(seed, TODAY);
            List<MonthHealth> expected = standard.timeline(log, TODAY).months();
            List<MonthHealth> actual = backwards.timeline(log, TODAY).months();
            assertThat(actual).as("seed %d", seed).isEqualTo(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(List.copyOf(actual.get(i).indicators().keySet())).as("answer order follows registration")
                        .isEqualTo(reversed.stream().map(Indicator::id).toList());
            }
        }
    }
}

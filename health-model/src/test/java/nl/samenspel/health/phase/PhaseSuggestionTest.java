package nl.samenspel.health.phase;

import nl.samenspel.health.HealthModel;
import nl.samenspel.health.HealthTimeline;
import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.ambition.AmbitionStated;
import nl.samenspel.kernel.network.Phase;
import nl.samenspel.kernel.network.PhaseChanged;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static nl.samenspel.health.HistoryBuilderB.NETWORK;
import static nl.samenspel.health.HistoryBuilderB.d;
import static org.assertj.core.api.Assertions.assertThat;

/** H17 suggests a phase per month with the rule that chose it, beside the confirmed phase; A18 when they stay apart. */
class PhaseSuggestionTest {
    private final HealthModel model = HealthModel.standard();

    private static String confirm(HistoryBuilderB b, Phase phase, String on) {
        return b.add(new PhaseChanged(NETWORK, phase, "as discussed", d(on), null, null));
    }

    /** Exploration in January, agreement in February, set-up in March and April, execution from May. */
    private static HistoryBuilderB growing() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2025-01-01", "A", "B");
        confirm(b, Phase.EXPLORATION, "2025-01-05");
        b.add(new AmbitionStated(NETWORK, 1, "care close to home", d("2025-02-03"), null, null));
        b.agreement("promise", AgreementKind.PROMISE, null, "2025-02-04", "A", "B");
        b.agreement("steering", AgreementKind.GOVERNANCE, null, "2025-03-03", "A", "B");
        for (int month = 3; month <= 6; month++) {
            b.delivered("A", "2025-0" + month + "-10");
            b.delivered("B", "2025-0" + month + "-11");
        }
        return b;
    }

    private static IndicatorValue h17(HealthTimeline timeline, String month) {
        return timeline.months().stream().filter(m -> m.month().toString().equals(month)).findFirst().orElseThrow()
                       .indicator(PhaseSuggestion.ID);
    }

    @Test
    void eachMonthCarriesTheSuggestedPhaseWithItsRuleBesideTheConfirmedOne() {
        HealthTimeline timeline = model.timeline(growing().log(), LocalDate.parse("2025-06-30"));

        assertThat(h17(timeline, "2025-01").figures()).containsEntry("suggested", "exploration").containsEntry("rule", 8)
                                                      .containsEntry("ruleValues", List.of(2))
                                                      .containsEntry("confirmed", "exploration").containsEntry("inStep", true);
        assertThat(h17(timeline, "2025-02").figures()).containsEntry("suggested", "agreement").containsEntry("rule", 7)
                                                      .containsEntry("inStep", false)
                                                      .containsEntry("outOfStepSince", "2025-02-01");
        assertThat(h17(timeline, "2025-03").figures()).containsEntry("suggested", "set-up").containsEntry("rule", 6);
        assertThat(h17(timeline, "2025-04").figure("suggested")).isEqualTo("set-up");
        assertThat(h17(timeline, "2025-05").figures()).containsEntry("suggested", "execution").containsEntry("rule", 5);
    }

    @Test
    void aSuggestionApartFromTheConfirmedPhaseForSixtyDaysRaisesA18UntilConfirmed() {
        HistoryBuilderB b = growing();
        HealthTimeline before = model.timeline(b.log(), LocalDate.parse("2025-06-30"));

        assertThat(before.months().get(2).hasAlert(PhaseOutOfStep.ID)).as("58 days apart at the end of March").isFalse();
        MonthHealth april = before.months().get(3);
        assertThat(april.hasAlert(PhaseOutOfStep.ID)).isTrue();
        assertThat(april.indicator(PhaseSuggestion.ID).status()).isEqualTo(Status.WATCH);
        String confirmation = b.log().get(3).eventId();
        assertThat(april.alerts().stream().filter(a -> a.id().equals(PhaseOutOfStep.ID)).findFirst().orElseThrow().evidence())
                .contains(confirmation);
        // the phases by the names a reader knows from the dip chart and the forms, not by their wire names
        assertThat(april.alerts().stream().filter(a -> a.id().equals(PhaseOutOfStep.ID)).findFirst().orElseThrow().detail())
                .matches("Since \\d{4}-\\d{2}-\\d{2} the data suggest the phase [A-Z][a-z-]+ \\(.*\\), while the confirmed phase is [A-Z][a-z-]+\\.");

        confirm(b, Phase.EXECUTION, "2025-05-10");
        HealthTimeline after = model.timeline(b.log(), LocalDate.parse("2025-06-30"));
        assertThat(after.months().get(4).hasAlert(PhaseOutOfStep.ID)).isFalse();
        assertThat(h17(after, "2025-05").figures()).containsEntry("confirmed", "execution").containsEntry("inStep", true);
    }

    @Test
    void aNetworkInADipIsSuggestedTheDipAndOneWithMostPartnersGoneIsWindingDown() {
        HistoryBuilderB b = HistoryBuilderB.steadyThenThreeDrivers();
        assertThat(h17(model.timeline(b.log(), LocalDate.parse("2025-07-31")), "2025-07").figures())
                .containsEntry("suggested", "dip").containsEntry("rule", 2);

        b.withdraw("B", "2025-08-05");
        b.withdraw("C", "2025-08-06");
        assertThat(h17(model.timeline(b.log(), LocalDate.parse("2025-08-31")), "2025-08").figures())
                .containsEntry("suggested", "winding-down").containsEntry("rule", 1)
                .containsEntry("ruleValues", List.of(2L, 3));
    }
}

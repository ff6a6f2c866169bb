package nl.samenspel.health.dip;

import nl.samenspel.health.AlertEpisode;
import nl.samenspel.health.HealthTimeline;
import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.structure.ContextKind;
import nl.samenspel.kernel.structure.Direction;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Three years of a care network of four partners: an energetic first year, a drop in 2022 that meets three and more
 * drivers in March, a false recovery at the end of 2022, and a restart in 2023. Energy comes from deliveries on the
 * 15th of each month: 8 a month is raw energy 2.0, 2 a month is 0.5.
 */
class DipScenarioTest {

    private static final Map<String, Integer> DELIVERIES = new LinkedHashMap<>();

    static {
        for (YearMonth m = YearMonth.of(2021, 1); !m.isAfter(YearMonth.of(2023, 12)); m = m.plusMonths(1)) {
            boolean low = m.getYear() == 2022 && m.getMonthValue() <= 9 || m.equals(YearMonth.of(2023, 1));
            DELIVERIES.put(m.toString(), low ? 2 : 8);
        }
    }

    private static HistoryBuilderB history() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2021-01-04", "A", "B", "C", "D");
        for (String p : new String[] {"A", "B", "C", "D"}) {
            b.appoint(p, "board-" + p, Level.BOARD, "2021-01-10");
        }
        String[] partners = {"A", "B", "C", "D"};
        DELIVERIES.forEach((month, count) -> {
            for (int i = 0; i < count; i++) {
                b.delivered(partners[i % 4], month + "-15");
            }
        });
        b.context(ContextKind.FUNDING, Direction.NEGATIVE, "2022-01-20");          // D1 and D3 until 20 April
        b.depart("B", "board-B", Level.BOARD, Handover.DONE, "2022-03-10");       // D9
        b.appoint("B", "board-B2", Level.BOARD, "2022-03-10");
        b.accountability(false, "2022-03-20");                                     // D5
        return b;
    }

    @Test
    void the_phases_follow_the_energy_and_the_drivers_month_by_month() {
        HealthTimeline timeline = history().timeline("2023-12-31");
        assertThat(timeline.months()).hasSize(36);

        Map<String, String> phases = new LinkedHashMap<>();
        timeline.months().forEach(m -> phases.put(m.month().toString(), (String) m.indicator("H5").figure("phase")));
        for (Map.Entry<String, String> phase : phases.entrySet()) {
            String month = phase.getKey();
            String expected = month.compareTo("2022-03") < 0 ? "start" : month.compareTo("2023-05") < 0 ? "in-dip" : "restart";
            assertThat(phase.getValue()).as(month).isEqualTo(expected);
        }
        List<String> changes = timeline.months().stream()
                                       .filter(m -> Boolean.TRUE.equals(m.indicator("H5").figure("phaseChanged")))
                                       .map(m -> m.month() + " " + m.indicator("H5").figure("phase")).toList();
        assertThat(changes).containsExactly("2022-03 in-dip", "2023-05 restart");
    }

    @Test
    void february_is_low_but_not_yet_a_dip_and_march_has_the_third_driver() {
        HealthTimeline timeline = history().timeline("2023-12-31");

        IndicatorValue feb = month(timeline, "2022-02").indicator("H5");
        assertThat(feb.number("smoothedEnergy")).isCloseTo(1.0, within(1e-9));      // (2 + 0.5 + 0.5) / 3
        assertThat(feb.number("ratio")).isCloseTo(0.5, within(1e-9));
        assertThat(feb.figure("dipRisk")).isEqualTo(2);
        assertThat(month(timeline, "2022-02").indicator("H6").figure("activeDrivers")).isEqualTo(List.of("D1", "D3"));

        IndicatorValue jan = month(timeline, "2022-01").indicator("H5");
        assertThat(jan.number("ratio")).isCloseTo(0.75, within(1e-9));              // (2 + 2 + 0.5) / 3 / 2

        MonthHealth mar = month(timeline, "2022-03");
        assertThat(mar.indicator("H5").number("ratio")).isCloseTo(0.25, within(1e-9));
        assertThat(mar.indicator("H6").figure("activeDrivers")).isEqualTo(List.of("D1", "D3", "D5", "D9"));
        assertThat(mar.alerts().stream().filter(a -> a.id().equals("A7")).findFirst().orElseThrow().severity())
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void one_strong_month_is_not_a_restart_two_are() {
        HealthTimeline timeline = history().timeline("2023-12-31");
        Map<String, Double> ratio = new LinkedHashMap<>();
        Map<String, Integer> streak = new LinkedHashMap<>();
        for (String m : List.of("2022-10", "2022-11", "2022-12", "2023-01", "2023-02", "2023-03", "2023-04", "2023-05")) {
            ratio.put(m, month(timeline, m).indicator("H5").number("ratio"));
            streak.put(m, ((Number) month(timeline, m).indicator("H5").figure("recoveryStreak")).intValue());
        }
        assertThat(ratio.values()).containsExactly(0.5, 0.75, 1.0, 0.75, 0.75, 0.75, 1.0, 1.0);
        assertThat(streak.values()).containsExactly(0, 0, 1, 0, 0, 0, 1, 2);
        assertThat(month(timeline, "2022-12").indicator("H5").figure("phase")).isEqualTo("in-dip");
        assertThat(month(timeline, "2023-05").indicator("H5").number("peakEnergy")).isEqualTo(2.0);
        // what a dip takes, as the policy in force says it, so a page can say why low energy is no dip
        assertThat(month(timeline, "2023-05").indicator("H5").number("dipEnergyRatio")).isEqualTo(0.7);
        assertThat(month(timeline, "2023-05").indicator("H5").figure("dipRiskNeeded")).isEqualTo(3);
    }

    @Test
    void the_dip_alert_runs_from_march_2022_until_the_restart() {
        List<AlertEpisode> dips = history().timeline("2023-12-31").episodes().stream()
                                           .filter(e -> e.id().equals("A7")).toList();
        assertThat(dips).singleElement().satisfies(e -> {
            assertThat(e.raised()).isEqualTo(YearMonth.of(2022, 3));
            assertThat(e.cleared()).isEqualTo(YearMonth.of(2023, 5));
            assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    private static MonthHealth month(HealthTimeline timeline, String month) {
        return timeline.months().stream().filter(m -> m.month().toString().equals(month)).findFirst().orElseThrow();
    }
}

package nl.samenspel.health;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Alert episodes show every severity they held, so an escalation to critical is visible in the alerts list. */
class AlertEpisodesTest {

    private static MonthHealth month(String month, Alert... alerts) {
        YearMonth m = YearMonth.parse(month);
        return new MonthHealth(m, m.atEndOfMonth(), Map.of(), List.of(alerts));
    }

    private static Alert a4(Severity severity, String evidence) {
        return new Alert("A4", severity == Severity.CRITICAL ? "Temperature at conflict" : "Temperature rising", severity,
                         "", List.of(evidence), "talk " + severity);
    }

    @Test
    void anEpisodeThatBecameCriticalShowsWhenAndStaysCriticalInTheList() {
        HealthTimeline timeline = new HealthTimeline(List.of(
                month("2025-01"), month("2025-02", a4(Severity.WARNING, "w")), month("2025-03", a4(Severity.WARNING, "w")),
                month("2025-04", a4(Severity.CRITICAL, "c")), month("2025-05", a4(Severity.WARNING, "w2")),
                month("2025-06")));

        AlertEpisode episode = timeline.episodes().get(0);

        assertThat(timeline.episodes()).hasSize(1);
        assertThat(episode.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(episode.raised()).isEqualTo(YearMonth.parse("2025-02"));
        assertThat(episode.cleared()).isEqualTo(YearMonth.parse("2025-06"));
        assertThat(episode.evidence()).containsExactly("c");
        assertThat(episode.suggestedResponse()).isEqualTo("talk CRITICAL");
        assertThat(episode.currentSeverity()).isEqualTo(Severity.WARNING);
        assertThat(episode.severities()).containsExactly(
                new AlertEpisode.Period(Severity.WARNING, "Temperature rising", YearMonth.parse("2025-02"), YearMonth.parse("2025-04")),
                new AlertEpisode.Period(Severity.CRITICAL, "Temperature at conflict", YearMonth.parse("2025-04"), YearMonth.parse("2025-05")),
                new AlertEpisode.Period(Severity.WARNING, "Temperature rising", YearMonth.parse("2025-05"), YearMonth.parse("2025-06")));
    }

    @Test
    void aDipRiskThatBecomesADipIsOneEpisodeThatTurnedCritical() {
        HistoryBuilderB b = HistoryBuilderB.steadyThenThreeDrivers();

        List<AlertEpisode> a7 = HistoryBuilderB.model().timeline(b.log(), LocalDate.parse("2025-08-31")).episodes()
                                               .stream().filter(e -> e.id().equals("A7")).toList();

        assertThat(a7).hasSize(1);
        assertThat(a7.get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(a7.get(0).title()).isEqualTo("Network dip");
        assertThat(a7.get(0).open()).isTrue();
        assertThat(a7.get(0).severities()).extracting(AlertEpisode.Period::severity, AlertEpisode.Period::from)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.WARNING, YearMonth.parse("2025-06")),
                                 org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, YearMonth.parse("2025-07")));
    }
}

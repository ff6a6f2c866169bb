package nl.samenspel.health.dip;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertEpisode;
import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.RuleTheme;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AfterTheChampagneTest {
    private static final String A16 = AfterTheChampagne.ID;

    private static HistoryBuilderB network() {
        return HistoryBuilderB.withPartners("2023-01-02", "A", "B", "C", "D", "E");
    }

    @Test
    void raised_once_six_months_passed_without_structure_and_cleared_by_a_late_agreement() {
        HistoryBuilderB b = network();
        b.agreement("old-governance", AgreementKind.GOVERNANCE, null, "2023-02-01");   // before the success: no answer
        String grant = b.success("2023-03-10");
        b.agreement("promise", AgreementKind.PROMISE, null, "2023-04-01");             // not structure
        b.agreement("late", AgreementKind.GOVERNANCE, null, "2023-11-05");

        assertThat(b.alert(A16, "2023-08")).isEmpty();   // Aug 31 is before Sep 10: too early to judge
        Alert september = b.alert(A16, "2023-09").orElseThrow();
        assertThat(september.severity()).isEqualTo(Severity.WARNING);
        assertThat(september.evidence()).containsExactly(grant);
        assertThat(september.suggestedResponse()).contains("governance");

        List<AlertEpisode> episodes = b.timeline("2023-12-31").episodes().stream()
                                       .filter(e -> e.id().equals(A16)).toList();
        assertThat(episodes).singleElement().satisfies(e -> {
            assertThat(e.raised()).isEqualTo(YearMonth.of(2023, 9));
            assertThat(e.cleared()).isEqualTo(YearMonth.of(2023, 11));
        });
    }

    @Test
    void a_rule_of_play_by_the_end_of_the_six_months_answers_the_success() {
        HistoryBuilderB b = network();
        b.success("2023-03-10");
        b.rule("r", RuleTheme.DECISION_MAKING, "2023-09-10");   // the last day of the six months
        assertThat(b.alert(A16, "2023-08")).isEmpty();
        assertThat(b.alert(A16, "2023-09")).isEmpty();
    }

    @Test
    void nothing_without_a_success() {
        assertThat(network().alert(A16, "2023-12")).isEmpty();
    }

    @Test
    void an_agreement_whose_parties_later_withdrew_still_answered_the_success() {
        HistoryBuilderB b = network();
        b.success("2023-03-10");
        b.agreement("g", AgreementKind.GOVERNANCE, null, "2023-05-01", "D", "E");
        b.withdraw("D", "2023-06-01");
        b.withdraw("E", "2023-06-01");
        assertThat(b.alert(A16, "2023-10")).isEmpty();
    }

    @Test
    void a_corrected_agreement_kind_removes_the_alert() {
        HistoryBuilderB b = network();
        b.success("2023-03-10");
        String promise = b.agreement("g", AgreementKind.PROMISE, null, "2023-05-01");
        assertThat(b.alert(A16, "2023-10")).isPresent();

        b.correct(promise, b.draft(x -> x.agreement("g", AgreementKind.GOVERNANCE, null, "2023-05-01")), "2023-10-15");

        assertThat(b.alert(A16, "2023-10")).isEmpty();
    }

    @Test
    void a_back_dated_governance_agreement_clears_earlier_months() {
        HistoryBuilderB b = network();
        b.success("2023-03-10");
        b.meeting("2024-01-10", "A", "B");
        assertThat(b.alert(A16, "2023-10")).isPresent();

        b.agreement("g", AgreementKind.GOVERNANCE, null, "2023-06-01");   // logged in January 2024

        assertThat(b.alert(A16, "2023-10")).isEmpty();
    }

    @Test
    void theLastDayJudgedIsExactlyWhereASuccessStopsHavingHadItsMonthsPass() {
        // every day of eleven years as the month's end, every window up to two years: the days a success can have and
        // be judged are those up to lastDayJudged, and no later one
        for (java.time.LocalDate end = java.time.LocalDate.of(2019, 1, 1); end.getYear() < 2030; end = end.plusDays(1)) {
            for (int months = 0; months <= 24; months++) {
                java.time.LocalDate last = AfterTheChampagne.lastDayJudged(end, months);
                assertThat(end.isAfter(last.plusMonths(months))).as("%s judged by %s after %d months", last, end, months)
                                                                .isTrue();
                for (int later = 1; later <= 4; later++) {
                    assertThat(end.isAfter(last.plusDays(later).plusMonths(months)))
                            .as("%s judged by %s after %d months", last.plusDays(later), end, months).isFalse();
                }
            }
        }
    }
}

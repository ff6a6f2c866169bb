package nl.samenspel.health;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One month asked for alone ({@link HealthModel#monthFrom}, what "compare" uses) computes the months before it only
 * for the indicators that read earlier months, and must still come out as the last month of the full timeline.
 */
class MonthFromTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void oneMonthEqualsTheLastMonthOfTheTimelineForRandomHistoriesDatesAndKnownMonths() {
        HealthModel model = HealthModel.standard();
        int checked = 0;
        int computedBetween = 0;
        for (long seed = 1; seed <= 40; seed++) {
            List<LoggedEntry> log = RandomHistories.generate(seed, TODAY);
            List<MonthHealth> today = model.timeline(log, TODAY).months();
            Random random = new Random(seed * 13);
            // what was known at some point: the entries recorded up to it, as compare reads them
            List<LoggedEntry> known = log.subList(0, 1 + random.nextInt(log.size()));
            for (List<LoggedEntry> history : List.of(log, known)) {
                List<MonthHealth> full = history == log ? today : model.timeline(history, TODAY).months();
                LocalDate founded = full.get(0).month().atDay(1);
                for (int i = 0; i < 4; i++) {
                    LocalDate date = i == 0 ? TODAY
                            : founded.plusDays(random.nextInt((int) (TODAY.toEpochDay() - founded.toEpochDay()) + 1));
                    MonthHealth expected = model.timeline(history, date).latest();
                    // the finished months before the date's month, of which the first k are known already
                    int before = (int) full.stream().filter(m -> m.month().isBefore(YearMonth.from(date))).count();
                    int k = random.nextInt(before + 1);
                    MonthHealth alone = model.monthFrom(history, date, full.subList(0, k));
                    assertThat(alone).as("seed %d, %s, %d months known of %d", seed, date, k, before).isEqualTo(expected);
                    computedBetween += before - k;
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(320);
        assertThat(computedBetween).as("months computed only for the months after them").isGreaterThan(1_000);
    }

    @Test
    void aNetworkFoundedAfterTheDateHasNoMonth() {
        List<LoggedEntry> log = RandomHistories.generate(3, TODAY);
        LocalDate founded = HealthModel.standard().timeline(log, TODAY).months().get(0).month().atDay(1);
        assertThat(HealthModel.standard().monthFrom(log, founded.minusDays(1), List.of())).isNull();
    }

    /** A rule that reads an earlier month's value of an indicator that does not read earlier months itself. */
    @Test
    void readingAnIndicatorThatEarlierMonthsDoNotHoldFails() {
        Indicator reader = new Indicator() {
            @Override
            public String id() {
                return "P2";
            }

            @Override
            public IndicatorValue evaluate(MonthContext month) {
                Map<String, Object> figures = new LinkedHashMap<>();
                List<MonthHealth> previous = month.previous();
                figures.put("earlierH1", previous.isEmpty() ? "none" : previous.get(previous.size() - 1).indicator("H1").status().name());
                return new IndicatorValue("P2", "reader", Status.OK, figures, List.of());
            }

            @Override
            public boolean readsEarlierMonths() {
                return true;
            }
        };
        List<Indicator> indicators = new ArrayList<>(HealthModel.standard().indicators());
        indicators.add(reader);
        HealthModel model = new HealthModel(indicators, HealthModel.standard().alerts());
        List<LoggedEntry> log = RandomHistories.generate(5, TODAY);
        assertThat(model.timeline(log, TODAY).latest().indicator("P2").figure("earlierH1")).isNotEqualTo("none");
        assertThatThrownBy(() -> model.monthFrom(log, TODAY, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("H1 was read from it");
    }
}

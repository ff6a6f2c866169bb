package nl.samenspel.health;

import nl.samenspel.kernel.exchange.ContributionRecorded;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style: for many random histories, split into random batches that arrive in log order (with business dates
 * all over the place, corrections and retractions among them), the incrementally kept months equal the pure fold
 * over the final log — with the standard model and with a probe whose value depends on every earlier month.
 */
class IncrementalHealthTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    /** A running total over the months, so a month computed from a stale predecessor shows. */
    static final Indicator PROBE = new Indicator() {
        @Override
        public String id() {
            return "P1";
        }

        @Override
        public IndicatorValue evaluate(MonthContext month) {
            long entries = month.history().size();
            long contributions = month.all(ContributionRecorded.class).size();
            double carried = month.previous().isEmpty() ? 0 : month.previous().get(month.previous().size() - 1)
                                                                    .indicator("P1").number("running");
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("entries", entries);
            figures.put("running", carried + contributions);
            return new IndicatorValue("P1", "probe", Status.OK, figures, List.of());
        }
    };

    static final AlertRule PROBE_ALERT = new AlertRule() {
        @Override
        public String id() {
            return "A99";
        }

        @Override
        public Optional<Alert> evaluate(MonthContext month) {
            return month.indicator(PROBE.getClass()).number("running") > 5
                    ? Optional.of(new Alert("A99", "probe", Severity.INFO, "", List.of(), "")) : Optional.empty();
        }
    };

    @Test
    void incrementalMonthsEqualThePureFoldForRandomHistoriesAndBatches() {
        List<Indicator> indicators = new ArrayList<>(HealthModel.standard().indicators());
        indicators.add(PROBE);
        List<AlertRule> alerts = new ArrayList<>(HealthModel.standard().alerts());
        alerts.add(PROBE_ALERT);
        HealthModel model = new HealthModel(indicators, alerts);
        for (long seed = 1; seed <= 60; seed++) {
            List<LoggedEntry> log = RandomHistories.generate(seed, TODAY);
            Random random = new Random(seed * 31);
            IncrementalHealth incremental = new IncrementalHealth(model);
            LocalDate evaluation = TODAY.minusDays(40);
            for (int i = 0; i < log.size(); ) {
                int size = 1 + random.nextInt(12);
                incremental.add(log.subList(i, Math.min(log.size(), i + size)), evaluation);
                i += size;
                if (random.nextInt(5) == 0 && evaluation.isBefore(TODAY)) {
                    evaluation = evaluation.plusDays(random.nextInt(20));
                    evaluation = evaluation.isAfter(TODAY) ? TODAY : evaluation;
                }
            }
            incremental.add(List.of(), TODAY);
            List<MonthHealth> expected = model.timeline(log, TODAY).months();
            assertThat(incremental.months()).as("seed %d", seed).isEqualTo(expected);
            assertThat(expected).isNotEmpty();
        }
    }

    /**
     * Entries arriving in business order, as they do when logged day by day: most batches only add entries after
     * all earlier ones, so the index is kept and extended; corrections and retractions among them (dated after what
     * they correct) must still be applied as the pure fold applies them.
     */
    @Test
    void entriesArrivingInBusinessOrderGiveThePureFoldToo() {
        HealthModel model = HealthModel.standard();
        int corrections = 0;
        for (long seed = 1; seed <= 30; seed++) {
            List<LoggedEntry> log = new ArrayList<>(RandomHistories.generate(seed, TODAY));
            log.sort(java.util.Comparator.comparing(LoggedEntry::occurredOn).thenComparingLong(LoggedEntry::sequence));
            corrections += (int) log.stream().filter(e -> nl.samenspel.kernel.history.EffectiveLog.isCorrection(e.event())).count();
            Random random = new Random(seed * 17);
            IncrementalHealth incremental = new IncrementalHealth(model);
            for (int i = 0; i < log.size(); ) {
                int size = 1 + random.nextInt(6);
                incremental.add(log.subList(i, Math.min(log.size(), i + size)), TODAY);
                i += size;
            }
            assertThat(incremental.months()).as("seed %d", seed).isEqualTo(model.timeline(log, TODAY).months());
        }
        assertThat(corrections).as("corrections and retractions among the entries").isGreaterThan(20);
    }
}

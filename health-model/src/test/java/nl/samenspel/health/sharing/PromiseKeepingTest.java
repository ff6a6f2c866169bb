package nl.samenspel.health.sharing;

import nl.samenspel.health.HealthModel;
import nl.samenspel.health.HealthTimeline;
import nl.samenspel.health.HistoryBuilderA;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static nl.samenspel.health.HistoryBuilderA.month;
import static org.assertj.core.api.Assertions.assertThat;

class PromiseKeepingTest {
    private final HealthModel model = new HealthModel(List.of(new PromiseKeeping()), List.of());
    private HistoryBuilderA history;
    private UUID alpha;
    private UUID beta;
    private UUID report;
    private String reportMade;
    private String renegotiated;
    private String kept;
    private String broken;
    private String cancelled;

    /**
     * Five agreements made on 15 January: one kept in March, one renegotiated in February, one broken in May, one
     * cancelled in June, and "Publish report" (due 31 May) still open.
     */
    @BeforeEach
    void agreements() {
        history = HistoryBuilderA.foundedOn("2024-01-01");
        alpha = history.join("Alpha", "2024-01-01");
        beta = history.join("Beta", "2024-01-01");
        UUID referral = history.agreement("Share referral data", "2024-03-31", "2024-01-15", alpha, beta);
        UUID training = history.agreement("Joint training", "2024-04-30", "2024-01-15", alpha);
        UUID meetings = history.agreement("Host meetings", "2024-06-30", "2024-01-15", beta);
        report = history.agreement("Publish report", "2024-05-31", "2024-01-15", beta);
        reportMade = history.lastId();
        UUID intake = history.agreement("Shared intake desk", "2024-02-28", "2024-01-15", alpha);
        kept = history.outcome(referral, AgreementOutcome.KEPT, alpha, "2024-03-20");
        broken = history.outcome(training, AgreementOutcome.BROKEN, alpha, "2024-05-10");
        cancelled = history.outcome(meetings, AgreementOutcome.CANCELLED, beta, "2024-06-01");
        renegotiated = history.outcome(intake, AgreementOutcome.RENEGOTIATED, alpha, "2024-02-20");
    }

    @Test
    void not_applicable_without_agreements() {
        HistoryBuilderA empty = HistoryBuilderA.foundedOn("2024-01-01");
        empty.join("Alpha", "2024-01-01");
        IndicatorValue value = month(empty.timeline(model, "2024-01-31"), "2024-01").indicator("H3");

        assertThat(value.status()).isEqualTo(Status.NA);
    }

    @Test
    void open_agreements_without_outcomes_yet() {
        IndicatorValue january = month(history.timeline(model, "2024-01-31"), "2024-01").indicator("H3");

        assertThat(january.number("openAgreements")).isEqualTo(5);
        assertThat(january.number("overdue")).isEqualTo(0);
        assertThat(january.figures()).doesNotContainKey("promiseKeeping");
        assertThat(january.status()).isEqualTo(Status.OK);
    }

    @Test
    void promise_keeping_counts_kept_broken_and_cancelled_but_not_renegotiated() {
        HealthTimeline timeline = history.timeline(model, "2024-06-30");

        IndicatorValue march = month(timeline, "2024-03").indicator("H3");
        assertThat(march.number("kept")).isEqualTo(1);
        assertThat(march.number("renegotiated")).isEqualTo(1);
        assertThat(march.number("promiseKeeping")).isEqualTo(1.0);
        assertThat(march.number("openAgreements")).isEqualTo(3);
        assertThat(march.status()).isEqualTo(Status.OK);

        IndicatorValue may = month(timeline, "2024-05").indicator("H3");
        assertThat(may.number("promiseKeeping")).isEqualTo(0.5);
        assertThat(may.number("overdue")).isEqualTo(0);           // due 31 May: not past due on 31 May
        assertThat(may.status()).isEqualTo(Status.WATCH);

        IndicatorValue june = month(timeline, "2024-06").indicator("H3");
        assertThat(june.number("kept")).isEqualTo(1);
        assertThat(june.number("broken")).isEqualTo(1);
        assertThat(june.number("cancelled")).isEqualTo(1);
        assertThat(june.number("renegotiated")).isEqualTo(1);
        assertThat(june.number("promiseKeeping")).isEqualTo(1.0 / 3);
        assertThat(june.number("openAgreements")).isEqualTo(1);
        assertThat(june.number("overdue")).isEqualTo(1);
        assertThat(june.figure("overdueAgreements")).isEqualTo(List.of("Publish report"));
        assertThat(june.status()).isEqualTo(Status.WATCH);
        assertThat(june.evidence()).containsExactly(renegotiated, kept, broken, cancelled, reportMade);
    }

    @Test
    void outcomes_older_than_the_window_drop_out() {
        IndicatorValue value = month(history.timeline(model, "2025-04-30"), "2025-04").indicator("H3");

        assertThat(value.number("kept")).isEqualTo(0);
        assertThat(value.number("broken")).isEqualTo(1);
        assertThat(value.number("cancelled")).isEqualTo(1);
        assertThat(value.number("renegotiated")).isEqualTo(0);
        assertThat(value.number("promiseKeeping")).isEqualTo(0.0);
    }

    @Test
    void a_withdrawn_partner_no_longer_counts() {
        history.withdraw(beta, "2024-06-15");
        IndicatorValue june = month(history.timeline(model, "2024-06-30"), "2024-06").indicator("H3");

        assertThat(june.number("cancelled")).isEqualTo(0);
        assertThat(june.number("promiseKeeping")).isEqualTo(0.5);
        assertThat(june.number("openAgreements")).isEqualTo(0);
        assertThat(june.number("overdue")).isEqualTo(0);
    }

    @Test
    void a_correction_of_the_due_date_removes_the_overdue_agreement() {
        history.correct(reportMade, history.agreementEvent(report, "Publish report", "2024-12-31", "2024-01-15", beta),
                        "2024-07-01");
        IndicatorValue june = month(history.timeline(model, "2024-06-30"), "2024-06").indicator("H3");

        assertThat(june.number("openAgreements")).isEqualTo(1);
        assertThat(june.number("overdue")).isEqualTo(0);
        assertThat(june.figure("overdueAgreements")).isEqualTo(List.of());
    }

    @Test
    void a_late_back_dated_outcome_changes_the_earlier_month() {
        HealthTimeline before = history.timeline(model, "2024-08-31");
        String late = history.outcome(report, AgreementOutcome.KEPT, beta, "2024-06-20");   // logged in August
        HealthTimeline after = history.timeline(model, "2024-08-31");

        assertThat(month(before, "2024-06").indicator("H3").number("promiseKeeping")).isEqualTo(1.0 / 3);
        assertThat(month(before, "2024-06").indicator("H3").number("overdue")).isEqualTo(1);
        IndicatorValue june = month(after, "2024-06").indicator("H3");
        assertThat(june.number("kept")).isEqualTo(2);
        assertThat(june.number("promiseKeeping")).isEqualTo(0.5);
        assertThat(june.number("overdue")).isEqualTo(0);
        assertThat(june.evidence()).contains(late);
    }
}

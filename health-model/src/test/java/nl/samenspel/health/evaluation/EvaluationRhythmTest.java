package nl.samenspel.health.evaluation;

import nl.samenspel.health.HealthModel;
import nl.samenspel.health.HealthTimeline;
import nl.samenspel.health.HistoryBuilderA;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.health.Severity;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.evaluation.Instrument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static nl.samenspel.health.HistoryBuilderA.month;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class EvaluationRhythmTest {
    private final HealthModel model = new HealthModel(List.of(new EvaluationRhythm()),
            List.of(new EvaluationOverdueOrNotJoint(), new LessonsNotFollowedUp()));
    private HistoryBuilderA history;
    private UUID alpha;
    private UUID beta;
    private UUID gamma;
    private UUID first;
    private List<String> firstEvidence;
    private UUID training;
    private String trainingAgreed;
    private String trainingCompletedLate;
    private String lessonsAgreed;
    private UUID lessons;

    /**
     * A joint five-conditions evaluation in February answered by all three partners, and four improvement actions:
     * one done on time (due 31 March), one done late (due 30 April), one not done (due 31 May, owned by Gamma), and one
     * due at the end of the year.
     */
    @BeforeEach
    void evaluatedTogether() {
        history = HistoryBuilderA.foundedOn("2024-01-01");
        alpha = history.join("Alpha", "2024-01-01");
        beta = history.join("Beta", "2024-01-01");
        gamma = history.join("Gamma", "2024-01-01");
        first = history.evaluation(Instrument.FIVE_CONDITIONS, true, "2024-02-01");
        String opened = history.lastId();
        firstEvidence = List.of(opened,
                history.response(first, alpha, "2024-02-05", 4, 4, 4, 4, 4),
                history.response(first, beta, "2024-02-06", 4, 4, 4, 4, 4),
                history.response(first, gamma, "2024-02-20", 4, 4, 4, 4, 4));
        UUID protocol = history.action("Agree referral protocol", alpha, "2024-03-31", "2024-02-10");
        training = history.action("Train coordinators", beta, "2024-04-30", "2024-02-10");
        trainingAgreed = history.lastId();
        lessons = history.action("Publish lessons", gamma, "2024-05-31", "2024-02-10");
        lessonsAgreed = history.lastId();
        history.action("Review governance", alpha, "2024-12-31", "2024-02-10");
        history.completed(protocol, "2024-03-15");
        trainingCompletedLate = history.completed(training, "2024-05-10");
    }

    @Test
    void not_applicable_before_any_evaluation_or_due_action() {
        assertThat(month(history.timeline(model, "2024-02-29"), "2024-01").indicator("H15").status())
                .isEqualTo(Status.NA);
    }

    @Test
    void days_since_the_last_joint_evaluation_and_jointness() {
        IndicatorValue february = month(history.timeline(model, "2024-02-29"), "2024-02").indicator("H15");

        assertThat(february.figures()).contains(
                entry("lastJointEvaluationId", first.toString()), entry("lastJointOpenedOn", "2024-02-01"),
                entry("daysSinceLastJoint", 28L), entry("cadenceDays", 365), entry("overdue", false),
                entry("activePartners", 3), entry("respondingPartners", 3), entry("jointness", 1.0),
                entry("actionsDue", 0), entry("actionsCompletedByDue", 0));
        assertThat(february.figures()).doesNotContainKey("followThrough");
        assertThat(february.status()).isEqualTo(Status.OK);
        assertThat(february.evidence()).containsExactlyElementsOf(firstEvidence);
    }

    @Test
    void follow_through_counts_actions_completed_by_their_due_date() {
        HealthTimeline timeline = history.timeline(model, "2024-05-31");

        IndicatorValue april = month(timeline, "2024-04").indicator("H15");
        assertThat(april.number("actionsDue")).isEqualTo(2);
        assertThat(april.number("followThrough")).isEqualTo(0.5);
        assertThat(april.status()).isEqualTo(Status.OK);
        assertThat(month(timeline, "2024-04").hasAlert("A14")).isFalse();

        MonthHealth may = month(timeline, "2024-05");
        assertThat(may.indicator("H15").number("actionsDue")).isEqualTo(3);
        assertThat(may.indicator("H15").number("actionsCompletedByDue")).isEqualTo(1);
        assertThat(may.indicator("H15").number("followThrough")).isEqualTo(1.0 / 3);
        assertThat(may.indicator("H15").status()).isEqualTo(Status.WATCH);
        assertThat(may.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo("A14");
            assertThat(alert.severity()).isEqualTo(Severity.WARNING);
            assertThat(alert.detail()).isEqualTo("1 of 3 improvement actions due in the last 12 months were completed "
                                                 + "on time; missed: Train coordinators, Publish lessons.");
            assertThat(alert.evidence()).containsExactly(trainingAgreed, trainingCompletedLate, lessonsAgreed);
        });
    }

    @Test
    void A13_when_the_last_joint_evaluation_is_older_than_the_cadence() {
        HealthTimeline timeline = history.timeline(model, "2025-02-28");

        assertThat(month(timeline, "2025-01").indicator("H15").number("daysSinceLastJoint")).isEqualTo(365);
        assertThat(month(timeline, "2025-01").hasAlert("A13")).isFalse();
        MonthHealth february = month(timeline, "2025-02");
        assertThat(february.indicator("H15").number("daysSinceLastJoint")).isEqualTo(393);
        assertThat(february.indicator("H15").figure("overdue")).isEqualTo(true);
        assertThat(february.alerts()).filteredOn(a -> a.id().equals("A13")).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.WARNING);
            assertThat(alert.detail()).isEqualTo("The last joint evaluation was opened 393 days ago (cadence 365 days).");
            assertThat(alert.evidence()).containsExactlyElementsOf(firstEvidence);
        });
    }

    @Test
    void A13_writes_a_count_of_thousands_of_days_grouped_as_the_pages_write_their_figures() {
        HistoryBuilderA never = HistoryBuilderA.foundedOn("2024-01-01");
        never.join("Alpha", "2024-01-01");
        HealthTimeline timeline = never.timeline(model, "2026-12-31");

        assertThat(month(timeline, "2026-12").alerts()).singleElement().satisfies(alert -> assertThat(alert.detail())
                .isEqualTo("There has been no joint evaluation in the 1,095 days since the founding (cadence 365 days)."));
    }

    @Test
    void A13_for_a_network_that_never_evaluated_together_once_the_cadence_has_passed_since_founding() {
        HistoryBuilderA never = HistoryBuilderA.foundedOn("2024-01-01");
        never.join("Alpha", "2024-01-01");
        HealthTimeline timeline = never.timeline(model, "2025-01-31");

        assertThat(month(timeline, "2024-12").indicator("H15").status()).isEqualTo(Status.NA);
        MonthHealth january = month(timeline, "2025-01");
        assertThat(january.indicator("H15").number("daysSinceFounded")).isEqualTo(396);
        assertThat(january.indicator("H15").status()).isEqualTo(Status.WATCH);
        assertThat(january.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.detail())
                    .isEqualTo("There has been no joint evaluation in the 396 days since the founding (cadence 365 days).");
            assertThat(alert.evidence()).containsExactly("e1");
        });
    }

    @Test
    void A13_when_not_every_partner_answered_the_last_joint_evaluation() {
        UUID second = history.evaluation(Instrument.LEARNING_CLIMATE, true, "2024-06-01");
        history.response(second, alpha, "2024-06-03", 7, 7, 7, 7);
        history.response(second, beta, "2024-06-04", 7, 7, 7, 7);
        history.response(second, gamma, "2024-07-05", 7, 7, 7, 7);
        HealthTimeline timeline = history.timeline(model, "2024-07-31");

        MonthHealth june = month(timeline, "2024-06");
        assertThat(june.indicator("H15").number("jointness")).isEqualTo(2.0 / 3);
        assertThat(june.indicator("H15").number("daysSinceLastJoint")).isEqualTo(29);
        assertThat(june.alerts()).filteredOn(a -> a.id().equals("A13")).singleElement().satisfies(alert ->
                assertThat(alert.detail()).isEqualTo("Not every partner answered the last joint evaluation (missing: Gamma)."));
        assertThat(month(timeline, "2024-07").indicator("H15").number("jointness")).isEqualTo(1.0);
        assertThat(timeline.episodes()).filteredOn(e -> e.id().equals("A13")).singleElement().satisfies(episode -> {
            assertThat(episode.raised()).isEqualTo(YearMonth.of(2024, 6));
            assertThat(episode.cleared()).isEqualTo(YearMonth.of(2024, 7));
        });
    }

    @Test
    void evaluations_of_a_sub_coalition_do_not_set_the_rhythm_of_the_network() {
        UUID part = history.evaluation(Instrument.FIVE_CONDITIONS, true, UUID.randomUUID(), "2024-03-01");
        history.response(part, alpha, "2024-03-02", 3, 3, 3, 3, 3);
        IndicatorValue march = month(history.timeline(model, "2024-03-31"), "2024-03").indicator("H15");

        assertThat(march.figure("lastJointEvaluationId")).isEqualTo(first.toString());
        assertThat(march.number("jointness")).isEqualTo(1.0);
    }

    @Test
    void a_withdrawn_partner_no_longer_counts() {
        history.withdraw(gamma, "2024-05-20");
        UUID second = history.evaluation(Instrument.LEARNING_CLIMATE, true, "2024-06-01");
        history.response(second, alpha, "2024-06-03", 7, 7, 7, 7);
        history.response(second, beta, "2024-06-04", 7, 7, 7, 7);
        HealthTimeline timeline = history.timeline(model, "2024-06-30");

        assertThat(month(timeline, "2024-05").indicator("H15").number("actionsDue")).isEqualTo(2);
        assertThat(month(timeline, "2024-05").indicator("H15").number("followThrough")).isEqualTo(0.5);
        assertThat(month(timeline, "2024-06").indicator("H15").number("activePartners")).isEqualTo(2);
        assertThat(month(timeline, "2024-06").indicator("H15").number("jointness")).isEqualTo(1.0);
        assertThat(timeline.episodes()).isEmpty();
    }

    @Test
    void a_correction_of_a_completion_date_removes_A14() {
        history.correct(trainingCompletedLate, history.completionEvent(training, "2024-04-25"), "2024-06-01");
        MonthHealth may = month(history.timeline(model, "2024-05-31"), "2024-05");

        assertThat(may.indicator("H15").number("followThrough")).isEqualTo(2.0 / 3);
        assertThat(may.alerts()).isEmpty();
    }

    @Test
    void a_late_back_dated_completion_changes_the_earlier_month() {
        HealthTimeline before = history.timeline(model, "2024-07-31");
        String late = history.completed(lessons, "2024-05-30");   // logged in July
        HealthTimeline after = history.timeline(model, "2024-07-31");

        assertThat(month(before, "2024-05").hasAlert("A14")).isTrue();
        assertThat(month(after, "2024-05").indicator("H15").number("followThrough")).isEqualTo(2.0 / 3);
        assertThat(month(after, "2024-05").indicator("H15").evidence()).contains(late);
        assertThat(month(after, "2024-05").hasAlert("A14")).isFalse();
    }
}

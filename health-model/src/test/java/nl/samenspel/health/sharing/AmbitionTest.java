package nl.samenspel.health.sharing;

import nl.samenspel.health.Alert;
import nl.samenspel.health.HealthModel;
import nl.samenspel.health.HealthTimeline;
import nl.samenspel.health.HistoryBuilderA;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.health.Severity;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.people.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static nl.samenspel.health.HistoryBuilderA.month;
import static org.assertj.core.api.Assertions.assertThat;

class AmbitionTest {
    private final HealthModel model = new HealthModel(List.of(new SharedAmbition()),
                                                      List.of(new AmbitionNotShared(), new AmbitionGoneStale()));
    private HistoryBuilderA history;
    private UUID alpha;
    private UUID beta;
    private UUID gamma;
    private String statement;
    private String alphaProfessional;

    /**
     * Version 1 stated on 10 January; Alpha endorses it at all three levels, Beta at board level but doubts it at
     * the professional level; Gamma has not taken a stance yet.
     */
    @BeforeEach
    void ambitionStated() {
        history = HistoryBuilderA.foundedOn("2024-01-01");
        alpha = history.join("Alpha", "2024-01-01");
        beta = history.join("Beta", "2024-01-01");
        gamma = history.join("Gamma", "2024-01-01");
        statement = history.ambition(1, "2024-01-10");
        history.stance(alpha, Level.BOARD, 1, Stance.ENDORSES, "2024-01-15");
        history.stance(alpha, Level.MANAGEMENT, 1, Stance.ENDORSES, "2024-01-15");
        alphaProfessional = history.stance(alpha, Level.PROFESSIONAL, 1, Stance.ENDORSES, "2024-01-15");
        history.stance(beta, Level.BOARD, 1, Stance.ENDORSES, "2024-01-20");
        history.stance(beta, Level.PROFESSIONAL, 1, Stance.DOUBTS, "2024-01-20");
    }

    @Test
    void not_applicable_before_an_ambition_is_stated() {
        HistoryBuilderA empty = HistoryBuilderA.foundedOn("2024-01-01");
        empty.join("Alpha", "2024-01-01");
        MonthHealth january = month(empty.timeline(model, "2024-01-31"), "2024-01");

        assertThat(january.indicator("H2").status()).isEqualTo(Status.NA);
        assertThat(january.alerts()).isEmpty();
    }

    @Test
    void coverage_level_coverage_and_freshness() {
        IndicatorValue january = month(history.timeline(model, "2024-01-31"), "2024-01").indicator("H2");

        assertThat(january.number("version")).isEqualTo(1);
        assertThat(january.figure("statedOn")).isEqualTo("2024-01-10");
        assertThat(january.number("daysSinceStated")).isEqualTo(21);
        assertThat(january.number("activePartners")).isEqualTo(3);
        assertThat(january.number("endorsing")).isEqualTo(2);
        assertThat(january.number("coverage")).isEqualTo(2.0 / 3);
        assertThat(january.number("endorsingAtEveryLevel")).isEqualTo(1);
        assertThat(january.number("levelCoverage")).isEqualTo(1.0 / 3);
        assertThat(january.number("doubting")).isEqualTo(1);
        assertThat(january.number("rejecting")).isEqualTo(0);
        assertThat(january.figure("lastRenewedOn")).isEqualTo("2024-01-20");
        assertThat(january.number("freshnessDays")).isEqualTo(11);
        // Gamma is still within the 30 days of grace: watch, not alert
        assertThat(january.number("pastGrace")).isEqualTo(0);
        assertThat(january.number("graceDays")).isEqualTo(30);
        assertThat(january.status()).isEqualTo(Status.WATCH);
        assertThat(january.evidence()).hasSize(6).startsWith(statement);
    }

    @Test
    void A1_is_raised_once_the_grace_period_has_passed_and_clears_when_everyone_endorses() {
        String gammaEndorses = history.stance(gamma, Level.BOARD, 1, Stance.ENDORSES, "2024-03-05");
        HealthTimeline timeline = history.timeline(model, "2024-03-31");

        assertThat(month(timeline, "2024-01").hasAlert("A1")).isFalse();
        MonthHealth february = month(timeline, "2024-02");
        assertThat(february.indicator("H2").status()).isEqualTo(Status.ALERT);
        assertThat(february.indicator("H2").number("pastGrace")).as("Gamma, past its 30 days").isEqualTo(1);
        Alert alert = february.alerts().get(0);
        assertThat(alert.id()).isEqualTo("A1");
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.detail()).isEqualTo("Gamma did not endorse version 1 within 30 days.");
        assertThat(alert.evidence()).containsExactly(statement);

        MonthHealth march = month(timeline, "2024-03");
        assertThat(march.indicator("H2").number("coverage")).isEqualTo(1.0);
        assertThat(march.indicator("H2").figure("lastRenewedOn")).isEqualTo("2024-03-05");
        assertThat(march.indicator("H2").evidence()).contains(gammaEndorses);
        assertThat(march.indicator("H2").status()).isEqualTo(Status.OK);
        assertThat(timeline.episodes()).singleElement().satisfies(episode -> {
            assertThat(episode.id()).isEqualTo("A1");
            assertThat(episode.raised()).isEqualTo(YearMonth.of(2024, 2));
            assertThat(episode.cleared()).isEqualTo(YearMonth.of(2024, 3));
        });
    }

    @Test
    void a_rejecting_stance_raises_A1_even_with_full_coverage() {
        history.stance(gamma, Level.BOARD, 1, Stance.ENDORSES, "2024-03-05");
        String rejects = history.stance(gamma, Level.MANAGEMENT, 1, Stance.REJECTS, "2024-03-10");
        MonthHealth march = month(history.timeline(model, "2024-03-31"), "2024-03");

        assertThat(march.indicator("H2").number("coverage")).isEqualTo(1.0);
        assertThat(march.indicator("H2").number("rejecting")).isEqualTo(1);
        assertThat(march.indicator("H2").status()).isEqualTo(Status.ALERT);
        assertThat(march.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.detail()).isEqualTo("Gamma rejects ambition version 1.");
            assertThat(alert.evidence()).containsExactly(statement, rejects);
        });
    }

    @Test
    void a_correction_of_the_rejecting_stance_removes_A1() {
        history.stance(gamma, Level.BOARD, 1, Stance.ENDORSES, "2024-03-05");
        String rejects = history.stance(gamma, Level.MANAGEMENT, 1, Stance.REJECTS, "2024-03-10");
        history.correct(rejects, history.stanceEvent(gamma, Level.MANAGEMENT, 1, Stance.ENDORSES, "2024-03-10"),
                        "2024-04-02");
        MonthHealth march = month(history.timeline(model, "2024-03-31"), "2024-03");

        assertThat(march.indicator("H2").number("rejecting")).isEqualTo(0);
        assertThat(march.alerts()).isEmpty();
    }

    @Test
    void a_withdrawn_partner_no_longer_counts() {
        history.withdraw(gamma, "2024-03-01");
        HealthTimeline timeline = history.timeline(model, "2024-03-31");
        IndicatorValue march = month(timeline, "2024-03").indicator("H2");

        assertThat(march.number("activePartners")).isEqualTo(2);
        assertThat(march.number("coverage")).isEqualTo(1.0);
        assertThat(march.number("levelCoverage")).isEqualTo(0.5);
        assertThat(month(timeline, "2024-02").hasAlert("A1")).isTrue();
        assertThat(month(timeline, "2024-03").hasAlert("A1")).isFalse();
    }

    @Test
    void a_partner_joining_later_gets_its_own_grace_period() {
        history.stance(gamma, Level.BOARD, 1, Stance.ENDORSES, "2024-03-05");
        history.join("Delta", "2024-06-10");
        String joined = history.lastId();
        HealthTimeline timeline = history.timeline(model, "2024-07-31");

        MonthHealth june = month(timeline, "2024-06");
        assertThat(june.indicator("H2").number("coverage")).isEqualTo(0.75);
        assertThat(june.indicator("H2").status()).isEqualTo(Status.WATCH);
        assertThat(june.hasAlert("A1")).isFalse();
        MonthHealth july = month(timeline, "2024-07");
        assertThat(july.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.detail()).startsWith("Delta did not endorse");
            assertThat(alert.evidence()).containsExactly(statement, joined);
        });
    }

    @Test
    void a_late_back_dated_endorsement_changes_the_earlier_month() {
        HealthTimeline before = history.timeline(model, "2024-03-31");
        String late = history.stance(gamma, Level.BOARD, 1, Stance.ENDORSES, "2024-02-10");  // logged in March
        HealthTimeline after = history.timeline(model, "2024-03-31");

        assertThat(month(before, "2024-02").indicator("H2").number("coverage")).isEqualTo(2.0 / 3);
        assertThat(month(before, "2024-02").hasAlert("A1")).isTrue();
        assertThat(month(after, "2024-02").indicator("H2").number("coverage")).isEqualTo(1.0);
        assertThat(month(after, "2024-02").indicator("H2").evidence()).contains(late);
        assertThat(month(after, "2024-02").hasAlert("A1")).isFalse();
    }

    @Test
    void A2_when_the_ambition_was_not_renewed_for_more_than_a_year() {
        history.stance(gamma, Level.BOARD, 1, Stance.ENDORSES, "2024-03-05");
        String renewal = history.lastId();
        HealthTimeline timeline = history.timeline(model, "2025-03-31");

        assertThat(month(timeline, "2025-02").indicator("H2").number("freshnessDays")).isEqualTo(360);
        assertThat(month(timeline, "2025-02").hasAlert("A2")).isFalse();
        MonthHealth march = month(timeline, "2025-03");
        assertThat(march.indicator("H2").number("freshnessDays")).isEqualTo(391);
        assertThat(march.indicator("H2").status()).isEqualTo(Status.WATCH);
        assertThat(march.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo("A2");
            assertThat(alert.severity()).isEqualTo(Severity.INFO);
            assertThat(alert.detail()).isEqualTo("The ambition was last stated or endorsed 391 days ago.");
            assertThat(alert.evidence()).containsExactly(renewal);
        });
    }

    @Test
    void A2_when_a_board_representative_changed_after_the_partners_last_endorsement() {
        history.stance(gamma, Level.BOARD, 1, Stance.ENDORSES, "2024-03-05");
        history.appoint(alpha, Level.BOARD, "person-1", "2024-01-05");          // before its endorsement: fine
        String departed = history.depart(alpha, Level.BOARD, "person-1", "2024-04-10");
        String appointed = history.appoint(alpha, Level.BOARD, "person-2", "2024-04-20");
        history.stance(alpha, Level.BOARD, 1, Stance.ENDORSES, "2024-05-02");
        HealthTimeline timeline = history.timeline(model, "2024-05-31");

        assertThat(month(timeline, "2024-03").alerts()).isEmpty();
        MonthHealth april = month(timeline, "2024-04");
        assertThat(april.indicator("H2").status()).isEqualTo(Status.WATCH);
        assertThat(april.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo("A2");
            assertThat(alert.detail())
                    .isEqualTo("The board representation of Alpha changed after its last endorsement.");
            assertThat(alert.evidence()).containsExactly(alphaProfessional, departed, appointed);
        });
        assertThat(month(timeline, "2024-05").alerts()).isEmpty();
    }

    @Test
    void a_board_change_at_a_withdrawn_partner_does_not_make_the_ambition_stale() {
        history.stance(gamma, Level.BOARD, 1, Stance.ENDORSES, "2024-03-05");
        history.depart(beta, Level.BOARD, "person-9", "2024-04-10");
        history.withdraw(beta, "2024-04-15");
        MonthHealth april = month(history.timeline(model, "2024-04-30"), "2024-04");

        assertThat(april.alerts()).isEmpty();
        assertThat(april.indicator("H2").number("activePartners")).isEqualTo(2);
    }
}

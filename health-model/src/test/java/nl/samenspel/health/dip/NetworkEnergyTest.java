package nl.samenspel.health.dip;

import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;
import nl.samenspel.kernel.people.Level;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static nl.samenspel.health.HistoryBuilderB.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NetworkEnergyTest {
    private static final String H5 = NetworkEnergy.ID;

    private static HistoryBuilderB fourPartners() {
        return HistoryBuilderB.withPartners("2023-01-02", "A", "B", "C", "D");
    }

    @Test
    void counts_each_kind_of_productive_event_in_the_month_per_active_partner() {
        HistoryBuilderB b = fourPartners();
        String meeting = b.meeting("2023-01-10", "A", "B");              // 2 of 4 = 50 %: productive
        b.meeting("2023-01-11", "A");                                     // 1 of 4: not
        b.meeting("2023-01-12", MeetingKind.FORMAL, Modality.ONLINE, at("A", Level.BOARD), at("A", Level.MANAGEMENT));
        String delivered = b.delivered("A", "2023-01-13");
        b.contribution("pledge", "B", ContributionStatus.PLEDGED, "2023-01-14");
        String deliveredLater = b.contributionStatus("pledge", ContributionStatus.DELIVERED, "2023-01-20");
        b.agreement("promise", AgreementKind.PROMISE, null, "2023-01-05", "A");
        String kept = b.outcome("promise", AgreementOutcome.KEPT, "A", "2023-01-21");
        b.outcome("promise", AgreementOutcome.BROKEN, "A", "2023-01-22");
        String value = b.value("2023-01-23");
        String coalition = b.subCoalition("k", "2023-01-24", "A", "B");
        String action = b.improvementCompleted("2023-01-25");

        IndicatorValue jan = b.indicator(H5, "2023-01");

        assertThat(jan.figure("productiveEvents")).isEqualTo(7);
        assertThat(jan.figure("productiveByKind")).isEqualTo(Map.of("meetings", 1, "contributionsDelivered", 2,
                "agreementsKept", 1, "valueRealised", 1, "subCoalitionsFormed", 1, "improvementActionsCompleted", 1));
        assertThat(jan.number("rawEnergy")).isEqualTo(7 / 4.0);
        assertThat(jan.number("smoothedEnergy")).isEqualTo(7 / 4.0);
        assertThat(jan.number("peakEnergy")).isEqualTo(7 / 4.0);
        assertThat(jan.number("ratio")).isEqualTo(1.0);
        assertThat(jan.figure("phase")).isEqualTo("start");
        assertThat(jan.status()).isEqualTo(Status.OK);
        assertThat(jan.evidence()).containsExactly(meeting, delivered, deliveredLater, kept, value, coalition, action);
    }

    @Test
    void smooths_over_three_months_and_compares_with_the_peak() {
        HistoryBuilderB b = fourPartners();
        for (int i = 0; i < 7; i++) {
            b.delivered("A", "2023-01-15");
        }
        b.delivered("A", "2023-02-15");
        b.delivered("A", "2023-03-15");
        b.delivered("B", "2023-03-16");
        for (int i = 0; i < 4; i++) {
            b.delivered("C", "2023-04-15");
        }

        IndicatorValue feb = b.indicator(H5, "2023-02");
        assertThat(feb.number("rawEnergy")).isEqualTo(0.25);
        assertThat(feb.number("smoothedEnergy")).isEqualTo((1.75 + 0.25) / 2);
        assertThat(feb.number("ratio")).isCloseTo(1.0 / 1.75, within(1e-9));
        assertThat(feb.status()).isEqualTo(Status.WATCH);   // low energy, but no drivers: no dip
        assertThat(feb.figure("phase")).isEqualTo("start");

        IndicatorValue apr = b.indicator(H5, "2023-04");
        assertThat(apr.number("smoothedEnergy")).isCloseTo((0.25 + 0.5 + 1.0) / 3, within(1e-9));
        assertThat(apr.number("peakEnergy")).isEqualTo(1.75);
        assertThat(apr.number("ratio")).isCloseTo(((0.25 + 0.5 + 1.0) / 3) / 1.75, within(1e-9));
    }

    @Test
    void names_as_evidence_every_productive_entry_of_the_months_its_smoothed_value_averages() {
        HistoryBuilderB b = fourPartners();
        String january = b.delivered("A", "2023-01-15");
        String february = b.delivered("B", "2023-02-15");
        String march = b.delivered("C", "2023-03-15");
        String april = b.delivered("D", "2023-04-15");

        assertThat(b.indicator(H5, "2023-03").evidence()).as("January to March, averaged in March")
                                                         .containsExactly(january, february, march);
        assertThat(b.indicator(H5, "2023-04").evidence()).as("February to April: January left the average")
                                                         .containsExactly(february, march, april);
    }

    @Test
    void a_month_not_over_names_the_entries_of_the_month_whose_value_it_shows_and_its_own_so_far() {
        HistoryBuilderB b = fourPartners();
        String january = b.delivered("A", "2023-01-15");
        String february = b.delivered("B", "2023-02-15");
        String march = b.delivered("C", "2023-03-02");

        IndicatorValue provisional = b.timeline("2023-03-05").latest().indicator(H5);
        assertThat(provisional.figure("provisional")).isEqualTo(true);
        assertThat(provisional.number("smoothedEnergy")).as("February's, carried").isEqualTo((0.25 + 0.25) / 2);
        assertThat(provisional.evidence()).containsExactly(january, february, march);
    }

    @Test
    void is_not_applicable_without_productive_events_or_without_partners() {
        HistoryBuilderB quiet = fourPartners();
        IndicatorValue jan = quiet.indicator(H5, "2023-01");
        assertThat(jan.status()).isEqualTo(Status.NA);
        assertThat(jan.number("rawEnergy")).isZero();
        assertThat(jan.figures()).doesNotContainKey("ratio");

        IndicatorValue empty = HistoryBuilderB.foundedOn("2023-01-02").indicator(H5, "2023-01");
        assertThat(empty.status()).isEqualTo(Status.NA);
        assertThat(empty.figure("phase")).isEqualTo("start");
        assertThat(empty.figures()).doesNotContainKey("rawEnergy");
    }

    @Test
    void a_withdrawn_partner_leaves_the_denominator_and_does_not_make_a_meeting_quorate() {
        HistoryBuilderB b = fourPartners();
        b.withdraw("D", "2023-02-10");
        b.meeting("2023-02-20", "A", "D");   // D is gone: 1 of 3 active partners attended
        b.delivered("A", "2023-02-21");
        b.delivered("B", "2023-02-22");
        b.delivered("C", "2023-02-23");

        IndicatorValue feb = b.indicator(H5, "2023-02");

        assertThat(feb.figure("activePartners")).isEqualTo(3);
        assertThat(feb.figure("productiveEvents")).isEqualTo(3);
        assertThat(feb.number("rawEnergy")).isEqualTo(1.0);
    }

    @Test
    void a_correction_that_empties_a_meeting_and_a_retraction_take_the_energy_away() {
        HistoryBuilderB b = fourPartners();
        String meeting = b.meeting("2023-01-10", "A", "B");
        String delivered = b.delivered("A", "2023-01-11");
        assertThat(b.indicator(H5, "2023-01").number("rawEnergy")).isEqualTo(0.5);

        b.correct(meeting, b.draft(x -> x.meeting("2023-01-10", "A")), "2023-02-01");
        assertThat(b.indicator(H5, "2023-01").number("rawEnergy")).isEqualTo(0.25);

        b.retract(delivered, "2023-02-01");
        assertThat(b.indicator(H5, "2023-01").status()).isEqualTo(Status.NA);
    }

    @Test
    void a_back_dated_delivery_raises_an_earlier_month_and_the_peak_after_it() {
        HistoryBuilderB b = fourPartners();
        for (int i = 0; i < 4; i++) {
            b.delivered("A", "2023-01-15");
        }
        b.delivered("A", "2023-02-15");
        b.delivered("B", "2023-02-15");
        b.delivered("A", "2023-03-15");
        b.delivered("B", "2023-03-15");
        assertThat(b.indicator(H5, "2023-03").number("ratio")).isCloseTo((1 + 0.5 + 0.5) / 3.0, within(1e-9));

        for (int i = 0; i < 4; i++) {
            b.delivered("C", "2023-01-20");    // logged in March, happened in January
        }

        assertThat(b.indicator(H5, "2023-01").number("rawEnergy")).isEqualTo(2.0);
        IndicatorValue mar = b.indicator(H5, "2023-03");
        assertThat(mar.number("peakEnergy")).isEqualTo(2.0);
        assertThat(mar.number("smoothedEnergy")).isCloseTo(1.0, within(1e-9));
        assertThat(mar.number("ratio")).isCloseTo(0.5, within(1e-9));
    }
}

package nl.samenspel.health.tension;

import nl.samenspel.health.Alert;
import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemperatureRisingTest {
    private static final String A4 = TemperatureRising.ID;

    private static HistoryBuilderB network() {
        return HistoryBuilderB.withPartners("2023-01-02", "A", "B", "C");
    }

    @Test
    void warning_when_hotter_critical_at_conflict_cleared_when_cooler() {
        HistoryBuilderB b = network();
        b.temperature(1, "2023-01-10");
        String watchful = b.temperature(2, "2023-02-10");
        String conflict = b.temperature(4, "2023-03-10");
        b.temperature(3, "2023-04-10");

        assertThat(b.alert(A4, "2023-01")).isEmpty();
        Alert feb = b.alert(A4, "2023-02").orElseThrow();
        assertThat(feb.severity()).isEqualTo(Severity.WARNING);
        assertThat(feb.detail()).isEqualTo("Hotter than the previous reading: the network from 1 to 2.");
        Alert mar = b.alert(A4, "2023-03").orElseThrow();
        assertThat(mar.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(mar.evidence()).containsExactly(watchful, conflict);
        assertThat(mar.suggestedResponse()).contains("mediator");
        assertThat(b.alert(A4, "2023-04")).isEmpty();
    }

    @Test
    void a_pair_rising_and_an_old_rise_fading_out_of_the_window() {
        HistoryBuilderB b = network();
        b.pairTemperature("A", "B", 2, "2023-01-10");
        b.pairTemperature("B", "A", 3, "2023-02-10");
        assertThat(b.alert(A4, "2023-02").orElseThrow().detail()).contains("Partner A – Partner B from 2 to 3");
        assertThat(b.alert(A4, "2023-04")).isPresent();   // 30 April minus 90 days is 30 January
        assertThat(b.alert(A4, "2023-05")).isEmpty();     // 31 May minus 90 days is 2 March: the rise is old news
    }

    @Test
    void nothing_with_a_single_reading_or_none() {
        HistoryBuilderB b = network();
        assertThat(b.alert(A4, "2023-02")).isEmpty();
        b.temperature(4, "2023-02-10");
        assertThat(b.alert(A4, "2023-02")).isEmpty();
    }

    @Test
    void a_pair_with_a_withdrawn_partner_no_longer_rises() {
        HistoryBuilderB b = network();
        b.pairTemperature("A", "B", 2, "2023-01-10");
        b.pairTemperature("A", "B", 3, "2023-02-10");
        b.withdraw("B", "2023-02-20");
        assertThat(b.alert(A4, "2023-02")).isEmpty();
    }

    @Test
    void a_reading_corrected_to_the_same_level_is_no_rise() {
        HistoryBuilderB b = network();
        b.temperature(2, "2023-01-10");
        String hotter = b.temperature(3, "2023-02-10");
        b.correct(hotter, b.draft(x -> x.temperature(2, "2023-02-10")), "2023-02-20");
        assertThat(b.alert(A4, "2023-02")).isEmpty();
    }

    @Test
    void a_back_dated_cooler_reading_becomes_the_previous_one() {
        HistoryBuilderB b = network();
        b.temperature(2, "2023-01-10");
        b.temperature(2, "2023-03-10");
        assertThat(b.alert(A4, "2023-03")).isEmpty();

        b.temperature(1, "2023-02-10");   // logged after March's reading

        assertThat(b.alert(A4, "2023-03").orElseThrow().detail()).contains("from 1 to 2");
        assertThat(b.alert(A4, "2023-02")).isEmpty();
    }
}

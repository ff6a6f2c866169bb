package nl.samenspel.health.dip;

import nl.samenspel.health.Alert;
import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.structure.ContextKind;
import nl.samenspel.kernel.structure.Direction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkDipTest {
    private static final String A7 = NetworkDip.ID;

    /** Four partners, one delivery each per month from January to March 2023 (raw energy 1.0), none in April. */
    private static HistoryBuilderB energeticQuarter() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B", "C", "D");
        for (String month : new String[] {"01", "02", "03"}) {
            for (String p : new String[] {"A", "B", "C", "D"}) {
                b.delivered(p, "2023-" + month + "-15");
            }
        }
        return b;
    }

    @Test
    void critical_in_a_dip_low_energy_with_three_drivers() {
        HistoryBuilderB b = energeticQuarter();
        String context = b.context(ContextKind.POLITICAL, Direction.NEGATIVE, "2023-04-03");  // D1
        String doubts = b.endorse("B", Stance.DOUBTS, "2023-04-04");                            // D4
        String request = b.accountability(false, "2023-04-05");                                 // D5

        assertThat(b.alert(A7, "2023-03")).isEmpty();
        Alert april = b.alert(A7, "2023-04").orElseThrow();   // smoothed (1 + 1 + 0) / 3 = 0.67 of the peak 1.0

        assertThat(april.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(april.title()).isEqualTo("Network dip");
        assertThat(april.detail()).contains("67 %")
                                  .contains("D1 context turbulence, D4 friction over goals, D5 accountability pressure");
        List<String> energy = b.indicator(NetworkEnergy.ID, "2023-04").evidence();
        assertThat(energy).as("the deliveries of February and March, which April's smoothed energy averages").hasSize(8);
        List<String> behind = new ArrayList<>(List.of(context, doubts, request));
        behind.addAll(energy);
        assertThat(april.evidence()).as("the drivers, then the entries the energy rests on").containsExactlyElementsOf(behind);
        assertThat(april.suggestedResponse()).contains("shared", "rules of play", "sub-coalitions", "team");
    }

    @Test
    void a_warning_when_the_risk_is_elevated_but_energy_holds() {
        HistoryBuilderB b = energeticQuarter();
        b.context(ContextKind.FUNDING, Direction.NEGATIVE, "2023-03-03");   // D1, D3
        b.accountability(false, "2023-03-05");                              // D5

        Alert march = b.alert(A7, "2023-03").orElseThrow();

        assertThat(march.severity()).isEqualTo(Severity.WARNING);
        assertThat(march.title()).isEqualTo("Network dip risk");
    }

    @Test
    void nothing_without_data() {
        assertThat(HistoryBuilderB.foundedOn("2023-01-02").alert(A7, "2023-04")).isEmpty();
        assertThat(energeticQuarter().alert(A7, "2023-04")).isEmpty();   // low energy alone is no dip
    }

    @Test
    void a_withdrawal_can_be_the_third_driver() {
        HistoryBuilderB b = energeticQuarter();
        b.context(ContextKind.POLITICAL, Direction.NEGATIVE, "2023-03-03");   // D1
        b.accountability(false, "2023-03-05");                                // D5
        assertThat(b.alert(A7, "2023-03")).isEmpty();

        b.withdraw("D", "2023-03-20");                                        // D8

        assertThat(b.alert(A7, "2023-03").orElseThrow().severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void a_retracted_driver_undoes_the_dip() {
        HistoryBuilderB b = energeticQuarter();
        String context = b.context(ContextKind.POLITICAL, Direction.NEGATIVE, "2023-04-03");
        b.endorse("B", Stance.DOUBTS, "2023-04-04");
        b.accountability(false, "2023-04-05");
        assertThat(b.alert(A7, "2023-04")).isPresent();

        b.retract(context, "2023-05-01");

        assertThat(b.alert(A7, "2023-04")).isEmpty();
        assertThat(b.indicator(NetworkEnergy.ID, "2023-04").figure("phase")).isEqualTo("start");
    }

    @Test
    void a_back_dated_driver_puts_an_earlier_month_in_the_dip() {
        HistoryBuilderB b = energeticQuarter();
        b.context(ContextKind.POLITICAL, Direction.NEGATIVE, "2023-04-03");
        b.endorse("B", Stance.DOUBTS, "2023-04-04");
        b.delivered("A", "2023-06-01");
        assertThat(b.alert(A7, "2023-04")).isEmpty();

        b.accountability(false, "2023-04-05");   // logged in June

        assertThat(b.alert(A7, "2023-04").orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }
}

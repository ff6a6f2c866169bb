package nl.samenspel.health.dip;

import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.IncrementalHealth;
import nl.samenspel.health.MonthHealth;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The current month is provisional (domain.md §5.10): a network with steady energy and three active drivers must not
 * read as "in a dip" on the first days of a month just because the month's productive entries have not happened yet.
 */
class CurrentMonthTest {

    @Test
    void onTheFirstOfTheMonthTheNetworkIsNotInADip() {
        MonthHealth july = HistoryBuilderB.steadyThenThreeDrivers().timeline("2025-07-01").latest();

        assertThat(july.provisional()).isTrue();
        assertThat(july.indicator("H6").number("dipRisk")).isGreaterThanOrEqualTo(3);
        assertThat(july.indicator("H5").figure("phase")).isEqualTo(NetworkEnergy.START);
        assertThat(july.indicator("H5").figure("provisional")).isEqualTo(true);
        assertThat(july.indicator("H5").number("ratio")).isEqualTo(1.0);
        assertThat(july.alerts()).filteredOn(a -> a.id().equals("A7"))
                                 .extracting(a -> a.severity().name()).containsExactly("WARNING");
    }

    @Test
    void aMonthThatEndedWithoutProductiveEntriesStillStartsTheDip() {
        HistoryBuilderB b = HistoryBuilderB.steadyThenThreeDrivers();
        MonthHealth july = b.timeline("2025-07-31").latest();

        assertThat(july.provisional()).isFalse();
        assertThat(july.indicator("H5").figure("phase")).isEqualTo(NetworkEnergy.IN_DIP);
        assertThat(july.alerts()).filteredOn(a -> a.id().equals("A7"))
                                 .extracting(a -> a.severity().name()).containsExactly("CRITICAL");
        assertThat(b.timeline("2025-07-31").months()).filteredOn(MonthHealth::provisional).isEmpty();
    }

    @Test
    void theMonthIsComputedAgainWhenItEnds() {
        HistoryBuilderB b = HistoryBuilderB.steadyThenThreeDrivers();
        IncrementalHealth health = new IncrementalHealth(HistoryBuilderB.model());
        health.add(b.log(), LocalDate.parse("2025-07-01"));
        health.add(List.of(), LocalDate.parse("2025-08-01"));

        assertThat(health.months()).isEqualTo(HistoryBuilderB.model().timeline(b.log(), LocalDate.parse("2025-08-01")).months());
        assertThat(health.months().get(6).indicator("H5").figure("phase")).isEqualTo(NetworkEnergy.IN_DIP);
        assertThat(health.months().get(7).provisional()).isTrue();
    }
}

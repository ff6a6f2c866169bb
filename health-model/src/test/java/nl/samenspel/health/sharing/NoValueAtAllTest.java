package nl.samenspel.health.sharing;

import nl.samenspel.health.HealthModel;
import nl.samenspel.health.HealthTimeline;
import nl.samenspel.health.HistoryBuilderA;
import nl.samenspel.kernel.exchange.Capital;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.samenspel.health.HistoryBuilderA.month;
import static org.assertj.core.api.Assertions.assertThat;

/** A15 fires for a network that evidences no value at all, once the network is older than the capitals window. */
class NoValueAtAllTest {
    private final HealthModel model = new HealthModel(List.of(new ThreeCapitals()), List.of(new OneSidedValue()));

    @Test
    void silentWhileYoungThenOneSidedOnceOlderThanTheWindow() {
        HistoryBuilderA history = HistoryBuilderA.foundedOn("2024-01-15");
        history.join("Alpha", "2024-01-15");
        history.join("Beta", "2024-01-15");
        String founding = history.log().get(0).eventId();

        HealthTimeline timeline = history.timeline(model, "2025-02-28");

        assertThat(month(timeline, "2024-12").hasAlert(OneSidedValue.ID)).as("not yet a year old").isFalse();
        var january = month(timeline, "2025-01").alerts().stream().filter(a -> a.id().equals(OneSidedValue.ID))
                                                  .findFirst().orElseThrow();
        assertThat(january.detail()).contains("no evidenced value claim at all");
        assertThat(month(timeline, "2025-02").hasAlert(OneSidedValue.ID)).isTrue();
        assertThat(january.evidence()).containsExactly(founding);
    }

    @Test
    void aClaimForEveryCapitalClearsIt() {
        HistoryBuilderA history = HistoryBuilderA.foundedOn("2024-01-15");
        var alpha = history.join("Alpha", "2024-01-15");
        history.value(alpha, Capital.ECONOMIC, "2025-02-01");
        history.value(alpha, Capital.SOCIAL, "2025-02-02");
        history.value(alpha, Capital.CULTURAL, "2025-02-03");

        assertThat(month(history.timeline(model, "2025-02-28"), "2025-02").hasAlert(OneSidedValue.ID)).isFalse();
    }
}

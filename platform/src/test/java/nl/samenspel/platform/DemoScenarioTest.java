package nl.samenspel.platform;

import nl.samenspel.health.AlertEpisode;
import nl.samenspel.health.HealthModel;
import nl.samenspel.health.HealthTimeline;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.platform.demo.DemoNetworks;
import nl.samenspel.platform.demo.DemoScript;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health model over the four demo histories shows the patterns they were written to show: Noorderkwartier's dip
 * in months 12–18 and its restart, Alliantie Vijf's "after the champagne" and rising temperature, Bouwteam Kademuren's
 * turnover without hand-over, and Leerwerkverbond West's capacity scores with the connecting − learning gap.
 */
class DemoScenarioTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final long SEED = 2026;
    private final HealthModel model = HealthModel.standard();

    @Test
    void noorderkwartierShowsRisingDipRiskADipWithinMonthsTwelveToEighteenAndARestartAfterwards() {
        DemoScript script = DemoNetworks.noorderkwartier(TODAY, SEED);
        HealthTimeline timeline = model.timeline(log(script), TODAY);
        YearMonth founding = YearMonth.from(script.foundedOn);

        double earlyRisk = risk(timeline, founding.plusMonths(6));
        double dipRisk = risk(timeline, founding.plusMonths(14));
        assertThat(dipRisk).as("dip risk rises in the dip window").isGreaterThanOrEqualTo(3).isGreaterThan(earlyRisk);

        List<YearMonth> inDip = monthsInPhase(timeline, "in-dip");
        assertThat(inDip).as("in a dip").isNotEmpty();
        assertThat(inDip.get(0)).as("the dip starts within months 12–18")
                                .isBetween(founding.plusMonths(12), founding.plusMonths(18));
        List<YearMonth> restart = monthsInPhase(timeline, "restart");
        assertThat(restart).as("a restart follows").isNotEmpty();
        assertThat(restart.get(0)).isAfter(inDip.get(0));
        assertThat(timeline.episodes()).extracting(AlertEpisode::id).contains("A7");
    }

    @Test
    void alliantieVijfRaisesAfterTheChampagneAndATemperatureAlert() {
        HealthTimeline timeline = model.timeline(log(DemoNetworks.alliantieVijf(TODAY, SEED)), TODAY);
        assertThat(timeline.episodes()).extracting(AlertEpisode::id).contains("A16", "A4");
    }

    @Test
    void bouwteamKademurenRaisesTurnoverWithoutHandOver() {
        HealthTimeline timeline = model.timeline(log(DemoNetworks.bouwteamKademuren(TODAY, SEED)), TODAY);
        assertThat(timeline.episodes()).extracting(AlertEpisode::id).contains("A11");
    }

    @Test
    void leerwerkverbondWestReportsCapacityScoresAndTheConnectingLearningGap() {
        HealthTimeline timeline = model.timeline(log(DemoNetworks.leerwerkverbondWest(TODAY, SEED)), TODAY);
        MonthHealth latest = timeline.latest();
        Map<String, Object> climate = latest.indicator("H16").figures();
        assertThat(climate.get("respondents")).isEqualTo(21);
        for (String capacity : List.of("absorptive", "connecting", "training", "learning")) {
            assertThat((Double) climate.get(capacity + ".mean")).as(capacity).isBetween(1.0, 10.0);
        }
        double gap = ((Number) climate.get("connectingLearningGap")).doubleValue();
        assertThat(gap).as("connecting scores well above learning ones").isGreaterThan(1.5);
        assertThat((Double) climate.get("connecting.mean")).isGreaterThan((Double) climate.get("learning.mean"));
    }

    /** The script as a log: founded first, then its entries in script order, recorded a minute apart. */
    static List<LoggedEntry> log(DemoScript script) {
        List<NetworkEvent> events = new ArrayList<>();
        events.add(new NetworkFounded(script.networkId, script.name, script.sector, script.region, script.form,
                                      script.societalTask, script.foundedOn, null, null));
        events.addAll(script.entries());
        List<LoggedEntry> log = new ArrayList<>();
        Instant recorded = Instant.parse("2026-11-01T09:00:00Z");
        for (int i = 0; i < events.size(); i++) {
            log.add(new LoggedEntry(script.networkId + "-" + i, i, recorded.plusSeconds(60L * i), events.get(i)));
        }
        return log;
    }

    private static double risk(HealthTimeline timeline, YearMonth month) {
        return timeline.months().stream().filter(m -> m.month().equals(month)).findFirst().orElseThrow()
                       .indicator("H6").number("dipRisk");
    }

    private static List<YearMonth> monthsInPhase(HealthTimeline timeline, String phase) {
        return timeline.months().stream().filter(m -> phase.equals(m.indicator("H5").figure("phase")))
                       .map(MonthHealth::month).toList();
    }
}

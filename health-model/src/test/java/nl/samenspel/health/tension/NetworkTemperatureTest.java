package nl.samenspel.health.tension;

import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkTemperatureTest {
    private static final String H13 = NetworkTemperature.ID;

    /** At the end of March 2023: network 2, A–B 3 (after an older 4), B–C 1. */
    private static HistoryBuilderB network() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2022-12-01", "A", "B", "C");
        b.pairTemperature("A", "B", 4, "2023-01-05");
        b.pairTemperature("B", "C", 1, "2023-02-01");
        b.temperature(2, "2023-03-01");
        b.pairTemperature("B", "A", 3, "2023-03-10");   // the same unordered pair
        return b;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> pairs(IndicatorValue v) {
        return (List<Map<String, Object>>) v.figure("pairs");
    }

    /** A pair as "nameX/nameY=level" with the names sorted: the pair is unordered. */
    private static String pair(Map<String, Object> p) {
        List<String> names = new java.util.ArrayList<>(List.of((String) p.get("nameA"), (String) p.get("nameB")));
        names.sort(null);
        return names.get(0) + "/" + names.get(1) + "=" + p.get("level");
    }

    @Test
    void the_hottest_latest_reading_per_scope_with_the_distribution_and_the_pairs() {
        IndicatorValue v = network().indicator(H13, "2023-03");

        assertThat(v.figure("temperature")).isEqualTo(3);
        assertThat(v.figure("networkLevel")).isEqualTo(2);
        assertThat(v.figure("scopes")).isEqualTo(3);
        assertThat(v.figure("distribution")).isEqualTo(Map.of("1", 1, "2", 1, "3", 1, "4", 0));
        assertThat(v.figure("hottestScopes")).isEqualTo(List.of("Partner A – Partner B"));
        assertThat(pairs(v)).extracting(NetworkTemperatureTest::pair)
                            .containsExactlyInAnyOrder("Partner A/Partner B=3", "Partner B/Partner C=1");
        assertThat(v.evidence()).hasSize(3);
        assertThat(v.status()).isEqualTo(Status.ALERT);
    }

    @Test
    void readings_older_than_ninety_days_drop_out() {
        HistoryBuilderB b = network();
        // June 30 minus 90 days is 1 April: no reading left
        assertThat(b.indicator(H13, "2023-06").status()).isEqualTo(Status.NA);
        // May 31 minus 90 days is 2 March: only A–B (10 March) is left
        assertThat(b.indicator(H13, "2023-05").figure("scopes")).isEqualTo(1);
    }

    @Test
    void is_not_applicable_without_readings() {
        assertThat(HistoryBuilderB.withPartners("2023-01-02", "A", "B").indicator(H13, "2023-03").status())
                .isEqualTo(Status.NA);
    }

    @Test
    void a_pair_with_a_withdrawn_partner_leaves_the_heat_map() {
        HistoryBuilderB b = network();
        b.withdraw("A", "2023-03-20");

        IndicatorValue v = b.indicator(H13, "2023-03");

        assertThat(v.figure("temperature")).isEqualTo(2);
        assertThat(pairs(v)).extracting(NetworkTemperatureTest::pair).containsExactly("Partner B/Partner C=1");
        assertThat(v.status()).isEqualTo(Status.WATCH);
    }

    @Test
    void a_corrected_reading_cools_the_network() {
        HistoryBuilderB b = network();
        String hot = b.lastId();
        b.correct(hot, b.draft(x -> x.pairTemperature("A", "B", 1, "2023-03-10")), "2023-04-02");

        IndicatorValue v = b.indicator(H13, "2023-03");

        assertThat(v.figure("temperature")).isEqualTo(2);
        assertThat(v.figure("distribution")).isEqualTo(Map.of("1", 2, "2", 1, "3", 0, "4", 0));
    }

    @Test
    void a_back_dated_reading_changes_an_earlier_month() {
        HistoryBuilderB b = network();
        assertThat(b.indicator(H13, "2023-02").figure("temperature")).isEqualTo(4);

        b.pairTemperature("A", "B", 2, "2023-02-10");   // logged after March

        assertThat(b.indicator(H13, "2023-02").figure("temperature")).isEqualTo(2);
        assertThat(b.indicator(H13, "2023-03").figure("temperature")).isEqualTo(3);
    }
}

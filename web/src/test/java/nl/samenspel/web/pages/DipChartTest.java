package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspel.web.api.SamenspelClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dip curve's summary names its phases as the shading does ("no dip" where it said "start"), and where the energy
 * stands below the dip line without a dip it says why, as the energy's tile does: six months at no energy shaded
 * "No dip" gave the chart's reader no hint.
 */
class DipChartTest {
    private static final Words ENGLISH = new Words(new LocaleConfiguration().messageSource(), Locale.ENGLISH);

    private static SamenspelClient.MonthHealth month(String month, String figures) throws Exception {
        var energy = new SamenspelClient.Indicator("H5", "Network energy", "WATCH", new ObjectMapper().readTree(figures),
                                                   null, 0);
        return new SamenspelClient.MonthHealth(month, null, Map.of("H5", energy), List.of());
    }

    @Test
    void belowTheDipLineWithoutADipTheSummarySaysWhy() throws Exception {
        String low = "{\"rawEnergy\": 0.0, \"smoothedEnergy\": 0.0, \"peakEnergy\": 0.5, \"ratio\": 0.0, \"phase\": \"start\","
                + " \"dipRisk\": 1, \"dipEnergyRatio\": 0.7, \"dipRiskNeeded\": 3}";
        String summary = Charts.dip(List.of(month("2026-04", low), month("2026-05", low)), ENGLISH).summary();
        assertThat(summary).contains("with its phases shaded (no dip, in a dip, restart)").doesNotContain("start,")
                           .contains("now: No dip.").endsWith("but a dip also takes 3 active dip drivers, and one is active.");
        String high = low.replace("\"ratio\": 0.0", "\"ratio\": 0.9");
        assertThat(Charts.dip(List.of(month("2026-05", high)), ENGLISH).summary()).doesNotContain("dip line");
    }
}

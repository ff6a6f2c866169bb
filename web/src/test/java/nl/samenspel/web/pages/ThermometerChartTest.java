package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspel.web.api.SamenspelClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conflict thermometer's table holds the network's own reading, first, and each reading with its step's name: a
 * network reading of 4 (conflict) stood in no row, so the report showed no table at all.
 */
class ThermometerChartTest {
    private static final Words ENGLISH = new Words(new LocaleConfiguration().messageSource(), Locale.ENGLISH);

    @Test
    void theNetworksReadingHeadsTheTableWithItsStepsName() throws Exception {
        String figures = "{\"networkLevel\": 4, \"temperature\": 4, \"pairs\": [{\"nameA\": \"Zorg Noord\", \"nameB\": "
                + "\"Gemeente Zuid\", \"level\": 2, \"measuredOn\": \"2026-03-02\"}]}";
        List<List<String>> rows = Charts.thermometer(h13(figures, "ALERT"), ENGLISH).table().rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(0)).isEqualTo("Network as a whole");
        assertThat(rows.get(0).get(1)).isEqualTo("4 \u00b7 Conflict");
        assertThat(rows.get(1).get(1)).isEqualTo("2 \u00b7 Watchful");
    }

    /** Without a reading of the network as a whole the summary says so in words: "Network reading —" stood there. */
    @Test
    void pairsMeasuredWithoutANetworkReadingAreSummedUpInWords() throws Exception {
        String figures = "{\"temperature\": 2, \"pairs\": [{\"nameA\": \"Zorg Noord\", \"nameB\": \"Gemeente Zuid\", "
                + "\"level\": 2, \"measuredOn\": \"2026-03-02\"}]}";
        assertThat(Charts.thermometer(h13(figures, "WATCH"), ENGLISH).summary())
                .isEqualTo("No reading of the network as a whole; hottest reading between partners 2 \u00b7 Watchful; "
                           + "one pair measured (from 1 friendly to 4 conflict).")
                .doesNotContain("\u2014");
    }

    private static SamenspelClient.Indicator h13(String figures, String status) throws Exception {
        return new SamenspelClient.Indicator("H13", "Network temperature", status, new ObjectMapper().readTree(figures),
                                             null, 0);
    }
}

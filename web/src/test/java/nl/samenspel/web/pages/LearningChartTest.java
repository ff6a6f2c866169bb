package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspel.web.api.SamenspelClient;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learning-working climate's figures are written with one decimal, as its bars and its tile write them: the table
 * had "+0.9" beside "+1.38", and the summary a gap of 3.19 beside the tile's +3.2.
 */
class LearningChartTest {
    private static final Words ENGLISH = new Words(new LocaleConfiguration().messageSource(), Locale.ENGLISH);

    @Test
    void scoresOfOneToTenAreWrittenWithOneDecimalAndTheGapWithItsSign() throws Exception {
        String figures = "{\"connecting.mean\": 8.514, \"connecting.median\": 8.5, \"connecting.n\": 21,"
                + " \"connecting.meanChange\": 1.38, \"learning.mean\": 5.324, \"learning.median\": 5.0,"
                + " \"learning.n\": 21, \"learning.meanChange\": 0.9, \"connectingLearningGap\": 3.19}";
        var h16 = new SamenspelClient.Indicator("H16", "Learning-working climate", "OK", new ObjectMapper().readTree(figures),
                                                null, 0);
        Charts.Chart chart = Charts.learning(h16, ENGLISH);
        assertThat(chart.summary()).endsWith("connecting minus learning gap +3.2.");
        assertThat(chart.table().rows()).extracting(row -> row.get(1)).containsExactly("8.5", "5.3");
        assertThat(chart.table().rows()).extracting(row -> row.get(4)).containsExactly("+1.4", "+0.9");
    }
}

package nl.samenspel.web.pages;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's charts name in their legends only what they draw. */
class ReportChartsTest {
    private static final Words ENGLISH = new Words(new LocaleConfiguration().messageSource(), Locale.ENGLISH);

    private static Charts.Chart capitals(Double... scores) {
        Map<String, Object> data = Map.of("capitals", List.of("Economic", "Social", "Cultural"),
                                          "claims", List.of(2.0, 2.0, 2.0), "contributions", List.of(24.0, 12.0, 0.0),
                                          "scores", new ArrayList<>(Arrays.asList(scores)),
                                          "labels", Map.of("claims", "Evidenced claims", "contributions", "Contributions",
                                                           "score", "Question score (mean)", "count", "Number",
                                                           "capital", "Capital"));
        return new Charts.Chart("capitals", "capitals", "Three capitals", "summary", data, null, false);
    }

    private static List<String> legend(JFreeChart chart) {
        List<String> names = new ArrayList<>();
        var items = chart.getPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            names.add(items.get(i).getLabel());
        }
        return names;
    }

    @Test
    void withoutAnyQuestionScoreTheCapitalsChartHasNoScoreAxisAndNoLegendEntryForIt() {
        JFreeChart chart = ReportCharts.capitals(capitals(null, null, null), ENGLISH);
        assertThat(legend(chart)).containsExactly("Evidenced claims", "Contributions");
        assertThat(((CategoryPlot) chart.getPlot()).getRangeAxis(1)).isNull();
    }

    @Test
    void withScoresTheScoreAxisIsNamedShortSoItFitsAndTheLegendNamesTheDots() {
        JFreeChart chart = ReportCharts.capitals(capitals(3.5, null, 4.0), ENGLISH);
        assertThat(legend(chart)).containsExactly("Evidenced claims", "Contributions", "Question score (mean)");
        assertThat(((CategoryPlot) chart.getPlot()).getRangeAxis(1).getLabel()).isEqualTo("Score (1–5)");
    }
}

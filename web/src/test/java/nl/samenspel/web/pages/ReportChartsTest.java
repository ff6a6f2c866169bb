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
    void aDutchDipCurveWritesDecimalCommasAndItsShareOfThePeakStopsAtTheWhole() {
        Words dutch = new Words(new LocaleConfiguration().messageSource(), LocaleConfiguration.DUTCH);
        Map<String, Object> data = Map.of(
                "months", List.of("2026-01", "2026-02", "2026-03"), "raw", List.of(0.5, 1.25, 0.75),
                "smoothed", List.of(0.5, 0.9, 0.8), "ratio", List.of(1.0, 1.0, 0.9),
                "phases", List.of("start", "start", "start"), "phaseNames", List.of("Start", "In de dip", "Doorstart"),
                "drivers", List.of(), "driverNames", List.of("D1 Context"),
                "labels", Map.of("raw", "Energie", "smoothed", "Gemiddeld", "ratio", "Aandeel", "month", "Maand",
                                 "energy", "Energie", "share", "Aandeel van de piek", "drivers", "Dipoorzaken"));
        JFreeChart chart = ReportCharts.dip(new Charts.Chart("dip", "dip", "Dipcurve", "summary", data, null, false),
                                            dutch);
        var energy = (org.jfree.chart.plot.XYPlot) ((org.jfree.chart.plot.CombinedDomainXYPlot) chart.getPlot())
                .getSubplots().get(0);
        var energyAxis = (org.jfree.chart.axis.NumberAxis) energy.getRangeAxis(0);
        assertThat(energyAxis.getNumberFormatOverride().format(0.2)).isEqualTo("0,2");
        var shareAxis = (org.jfree.chart.axis.NumberAxis) energy.getRangeAxis(1);
        assertThat(shareAxis.getNumberFormatOverride().format(1.0)).isEqualTo("100%");
        assertThat(shareAxis.getNumberFormatOverride().format(1.25)).as("no share above the whole").isEmpty();
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

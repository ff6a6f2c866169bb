package nl.samenspel.web.pages;

import nl.samenspel.web.report.ReportFonts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The report's charts, drawn on the server with JFreeChart from the very data the dashboard's charts get
 * ({@link Charts}): the dip curve with its phases named on the chart and the drivers as a band below, give and take
 * per partner, and the three capitals. Phases and drivers carry words, not only colour; sizes are in CSS pixels.
 */
final class ReportCharts {
    private static final Color ACCENT = new Color(0x1f5fa8);
    private static final Color SOFT = new Color(0x9db7d9);
    private static final Color GREY = new Color(0x5f6673);
    private static final Color ALERT = new Color(0xb3261e);
    private static final Color WATCH = new Color(0xd08a00);
    private static final Color GRID = new Color(0xd5d9e0);
    private static final Map<String, Color> PHASES = Map.of("start", new Color(31, 95, 168, 28),
                                                            "in-dip", new Color(179, 38, 30, 40),
                                                            "restart", new Color(30, 122, 60, 40));
    private static final Map<String, Color> PHASE_LABELS = Map.of("start", ACCENT, "in-dip", ALERT,
                                                                  "restart", new Color(0x1e6b36));
    /** How far the energy axis reaches above the highest value, as a multiple of it. */
    private static final double HEAD_ROOM = 1.3;

    private ReportCharts() {
    }

    /**
     * A share's ticks up to the whole (100 %) only: the axis reaches higher to leave room for the phases' names, but a
     * share of the peak cannot, so no tick says 125 %.
     */
    private static final class UpToWhole extends NumberFormat {
        private final NumberFormat percent;

        UpToWhole(NumberFormat percent) {
            this.percent = percent;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition position) {
            return number > 1.0 + 1e-9 ? to : percent.format(number, to, position);
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, java.text.FieldPosition position) {
            return format((double) number, to, position);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition position) {
            return percent.parse(source, position);
        }
    }

    /** Energy, its 3-month average and its share of the peak, the phases shaded and named, the drivers below. */
    @SuppressWarnings("unchecked")
    static JFreeChart dip(Charts.Chart chart, Words w) {
        Map<String, Object> d = chart.data();
        List<String> months = (List<String>) d.get("months");
        List<Double> raw = (List<Double>) d.get("raw");
        List<Double> smoothed = (List<Double>) d.get("smoothed");
        List<Double> ratio = (List<Double>) d.get("ratio");
        List<String> phases = (List<String>) d.get("phases");
        List<String> phaseNames = (List<String>) d.get("phaseNames");
        List<List<Object>> drivers = (List<List<Object>>) d.get("drivers");
        List<String> driverNames = (List<String>) d.get("driverNames");
        Map<String, String> labels = (Map<String, String>) d.get("labels");

        TimeSeries rawSeries = new TimeSeries(labels.get("raw"));
        TimeSeries smoothedSeries = new TimeSeries(labels.get("smoothed"));
        TimeSeries ratioSeries = new TimeSeries(labels.get("ratio"));
        for (int i = 0; i < months.size(); i++) {
            Month month = month(months.get(i));
            rawSeries.add(month, raw.get(i));
            smoothedSeries.add(month, smoothed.get(i));
            ratioSeries.add(month, ratio.get(i));
        }

        DateAxis time = new DateAxis(labels.get("month"));
        time.setDateFormatOverride(new SimpleDateFormat("yyyy-MM"));
        int step = months.size() > 60 ? 12 : months.size() > 30 ? 6 : months.size() > 10 ? 3 : 1;
        time.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, step));
        time.setLowerMargin(0.01);
        time.setUpperMargin(0.01);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(10);

        // Head room above the curves: the phases are named there, clear of the bars and lines.
        double top = 0;
        for (List<Double> values : List.of(raw, smoothed)) {
            for (Double value : values) {
                top = value == null ? top : Math.max(top, value);
            }
        }
        top = top <= 0 ? 1 : top;
        NumberAxis energyAxis = new NumberAxis(labels.get("energy"));
        energyAxis.setRange(0, top * HEAD_ROOM);
        // in the reader's language: "0,2" in a Dutch report, not "0.2"
        NumberFormat energyFormat = NumberFormat.getNumberInstance(w.locale());
        energyFormat.setMinimumFractionDigits(1);
        energyFormat.setMaximumFractionDigits(2);
        energyAxis.setNumberFormatOverride(energyFormat);
        XYPlot energy = new XYPlot(new TimeSeriesCollection(rawSeries), null, energyAxis, bars(SOFT));
        energy.setDataset(1, new TimeSeriesCollection(smoothedSeries));
        energy.setRenderer(1, line(ACCENT, new BasicStroke(3f), false));
        NumberAxis shareAxis = new NumberAxis(labels.get("share"));
        shareAxis.setRange(0, HEAD_ROOM);
        shareAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.25));
        shareAxis.setNumberFormatOverride(new UpToWhole(NumberFormat.getPercentInstance(w.locale())));
        energy.setRangeAxis(1, shareAxis);
        energy.setDataset(2, new TimeSeriesCollection(ratioSeries));
        energy.mapDatasetToRangeAxis(2, 1);
        energy.setRenderer(2, line(GREY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                                                         new float[]{6f, 4f}, 0f), false));
        energy.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        // Each run of months in one phase is shaded and named in words, so colour is never the only sign.
        long first = month(months.get(0)).getFirstMillisecond();
        long last = month(months.get(months.size() - 1)).getLastMillisecond();
        Map<XYTextAnnotation, Color> phaseLabels = new java.util.LinkedHashMap<>();
        int start = 0;
        for (int i = 1; i <= phases.size(); i++) {
            if (i == phases.size() || !phases.get(i).equals(phases.get(start))) {
                String phase = phases.get(start);
                Color colour = PHASES.get(phase);
                if (colour != null) {
                    long from = month(months.get(start)).getFirstMillisecond();
                    long to = month(months.get(i - 1)).getLastMillisecond();
                    IntervalMarker marker = new IntervalMarker(from, to);
                    marker.setPaint(colour);
                    energy.addDomainMarker(marker, Layer.BACKGROUND);
                    String name = phaseNames.get(List.of("start", "in-dip", "restart").indexOf(phase));
                    // A run in the right part of the curve is named from its end leftwards, so the name stays inside.
                    boolean fromEnd = from > first + (last - first) * 0.6;
                    XYTextAnnotation label = new XYTextAnnotation(name, fromEnd ? to : from, top * (HEAD_ROOM - 0.04));
                    label.setTextAnchor(fromEnd ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
                    energy.addAnnotation(label);
                    phaseLabels.put(label, PHASE_LABELS.get(phase));
                }
                start = i;
            }
        }
        plot.add(energy, 2);

        XYSeries marks = new XYSeries(labels.get("drivers"));
        for (List<Object> mark : drivers) {
            int monthIndex = ((Number) mark.get(0)).intValue();
            marks.add(month(months.get(monthIndex)).getMiddleMillisecond(), ((Number) mark.get(1)).doubleValue());
        }
        // The codes on the axis; the report names them in full below the chart.
        SymbolAxis driverAxis = new SymbolAxis(labels.get("drivers"),
                                               driverNames.stream().map(n -> n.split(" ")[0]).toArray(String[]::new));
        driverAxis.setInverted(true);
        driverAxis.setGridBandsVisible(false);
        driverAxis.setTickLabelFont(font(Font.PLAIN, 11));
        XYLineAndShapeRenderer driverMarks = new XYLineAndShapeRenderer(false, true);
        driverMarks.setAutoPopulateSeriesPaint(false);
        driverMarks.setAutoPopulateSeriesShape(false);
        driverMarks.setSeriesShape(0, new Rectangle(-4, -4, 8, 8));
        driverMarks.setSeriesPaint(0, ALERT);
        XYPlot band = new XYPlot(new XYSeriesCollection(marks), null, driverAxis, driverMarks);
        plot.add(band, 1);

        JFreeChart drawn = styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        // The theme gives every annotation its plain font; the phase names stand out in bold, in their phase's colour.
        phaseLabels.forEach((label, colour) -> {
            label.setFont(font(Font.BOLD, 12));
            label.setPaint(colour);
        });
        return drawn;
    }

    /** Given and received per partner over twelve months, the perceived fairness beside each name. */
    @SuppressWarnings("unchecked")
    static JFreeChart giveAndTake(Charts.Chart chart, Words w) {
        Map<String, Object> d = chart.data();
        List<String> partners = (List<String>) d.get("partners");
        List<Double> given = (List<Double>) d.get("given");
        List<Double> received = (List<Double>) d.get("received");
        List<String> fairness = (List<String>) d.get("fairness");
        Map<String, String> labels = (Map<String, String>) d.get("labels");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < partners.size(); i++) {
            String name = fairness.get(i).isEmpty() ? partners.get(i) : partners.get(i) + " (" + fairness.get(i) + ")";
            data.addValue(given.get(i), labels.get("given"), name);
            data.addValue(received.get(i), labels.get("received"), name);
        }
        CategoryAxis partnerAxis = new CategoryAxis(null);
        partnerAxis.setMaximumCategoryLabelWidthRatio(0.45f);
        // a name with its rating wraps rather than losing the rating, the figure that counts here, to "…"
        partnerAxis.setMaximumCategoryLabelLines(3);
        partnerAxis.setCategoryMargin(0.25);
        NumberAxis euros = new NumberAxis(labels.get("eur"));
        NumberFormat money = NumberFormat.getCurrencyInstance(w.locale().getLanguage().equals("nl")
                                                                      ? java.util.Locale.forLanguageTag("nl-NL")
                                                                      : java.util.Locale.forLanguageTag("en-IE"));
        money.setMaximumFractionDigits(0);
        euros.setNumberFormatOverride(money);
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setSeriesPaint(0, ACCENT);
        renderer.setSeriesPaint(1, SOFT);
        renderer.setItemMargin(0.05);
        CategoryPlot plot = new CategoryPlot(data, partnerAxis, euros, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        return styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    /** Evidenced claims and tagged contributions per capital (with their counts on the bars), and the question score. */
    @SuppressWarnings("unchecked")
    static JFreeChart capitals(Charts.Chart chart, Words w) {
        Map<String, Object> d = chart.data();
        List<String> capitals = (List<String>) d.get("capitals");
        List<Double> claims = (List<Double>) d.get("claims");
        List<Double> contributions = (List<Double>) d.get("contributions");
        List<Double> scores = (List<Double>) d.get("scores");
        Map<String, String> labels = (Map<String, String>) d.get("labels");
        DefaultCategoryDataset counts = new DefaultCategoryDataset();
        DefaultCategoryDataset score = new DefaultCategoryDataset();
        for (int i = 0; i < capitals.size(); i++) {
            counts.addValue(claims.get(i), labels.get("claims"), capitals.get(i));
            counts.addValue(contributions.get(i), labels.get("contributions"), capitals.get(i));
            score.addValue(scores.get(i), labels.get("score"), capitals.get(i));
        }
        NumberAxis countAxis = new NumberAxis(labels.get("count"));
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        countAxis.setUpperMargin(0.15);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setAutoPopulateSeriesPaint(false);
        bars.setSeriesPaint(0, ACCENT);
        bars.setSeriesPaint(1, SOFT);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                                                                                NumberFormat.getIntegerInstance(w.locale())));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(font(Font.PLAIN, 11));
        bars.setMaximumBarWidth(0.18);
        CategoryPlot plot = new CategoryPlot(counts, new CategoryAxis(labels.get("capital")), countAxis, bars);
        if (scores.stream().allMatch(java.util.Objects::isNull)) {
            // no network-value evaluation yet: no score axis, and no legend entry for dots that are not there
            return styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        }
        // the axis named short, so it fits the chart's height; the legend names the dots in full
        NumberAxis scoreAxis = new NumberAxis(w.get("chart.axis.score5"));
        scoreAxis.setRange(1, 5.2);
        scoreAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setRangeAxis(1, scoreAxis);
        plot.setDataset(1, score);
        plot.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer dots = new LineAndShapeRenderer(false, true);
        dots.setAutoPopulateSeriesPaint(false);
        dots.setAutoPopulateSeriesShape(false);
        dots.setSeriesPaint(0, WATCH);
        dots.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
        dots.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                                                                                NumberFormat.getNumberInstance(w.locale())));
        dots.setDefaultItemLabelsVisible(true);
        dots.setDefaultItemLabelFont(font(Font.PLAIN, 11));
        plot.setRenderer(1, dots);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    /** The height a give-and-take chart needs to name every partner legibly. */
    static int giveAndTakeHeight(Charts.Chart chart) {
        int partners = ((List<?>) chart.data().get("partners")).size();
        return Math.max(200, 90 + partners * 28);
    }

    private static JFreeChart styled(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("samenspel-report");
        theme.setExtraLargeFont(font(Font.BOLD, 15));
        theme.setLargeFont(font(Font.BOLD, 11));
        theme.setRegularFont(font(Font.PLAIN, 12));
        theme.setSmallFont(font(Font.PLAIN, 11));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(Color.BLACK);
        theme.setTickLabelPaint(new Color(0x22262e));
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        // Room on the right for the last tick label ("€ 20.000") to stand whole.
        chart.setPadding(new RectangleInsets(4, 4, 4, 24));
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }

    private static XYBarRenderer bars(Color colour) {
        XYBarRenderer renderer = new XYBarRenderer(0.35);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setSeriesPaint(0, colour);
        return renderer;
    }

    private static XYLineAndShapeRenderer line(Color colour, BasicStroke stroke, boolean shapes) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, shapes);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesStroke(0, stroke);
        renderer.setAutoPopulateSeriesStroke(false);
        return renderer;
    }

    private static Font font(int style, int size) {
        return new Font(ReportFonts.SANS, style, size);
    }

    private static Month month(String text) {
        YearMonth month = YearMonth.parse(text);
        return new Month(month.getMonthValue(), month.getYear());
    }
}

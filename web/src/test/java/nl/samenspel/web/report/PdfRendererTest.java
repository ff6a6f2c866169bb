package nl.samenspel.web.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A report renders whatever text a network's log holds, also characters that XML cannot hold. */
class PdfRendererTest {
    @Test
    void aNameWithANoncharacterStillRendersAsAReport() {
        String page = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Gemeente Noord\uFFFF \uD83C\uDFE5 en\u0001 Zuid</p>"
                + "</body></html>";
        byte[] pdf = PdfRenderer.render(page, Map.of(), List.of());
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(PdfRenderer.documentText(page)).contains("Gemeente Noord\uFFFD \uD83C\uDFE5 en\uFFFD Zuid");
    }

    /**
     * A report is a tagged PDF (PDF/UA), so a screen reader reads it in order, its headings as headings, its tables
     * as tables and a chart by its alternative text, in the report's language: it was an untagged page of drawn text.
     */
    @Test
    void aReportIsATaggedPdfInItsLanguage() throws Exception {
        String page = """
                <html xmlns="http://www.w3.org/1999/xhtml" lang="nl"><head><title>Stuurrapport Noord</title>
                <meta name="subject" content="Stuurrapport"/>
                <style>body { font-family: 'DejaVu Sans'; } object { display: block; width: 300px; height: 200px; }</style>
                </head><body><h1>Zorgnetwerk Noord</h1><p>Cijfers over <b>2026-11</b>.</p>
                <table><thead><tr><th>Indicator</th><th>Waarde</th></tr></thead>
                <tbody><tr><td>Gedeelde ambitie</td><td>75 %</td></tr></tbody></table>
                <object type="application/x-chart" data-chart="dip" title="Dipcurve" alt="Grafiek: Dipcurve"></object>
                </body></html>""";
        ReportFonts.registerWithJava2d();
        JFreeChart chart = ChartFactory.createLineChart("Dipcurve", "maand", "energie", null);
        StandardChartTheme theme = new StandardChartTheme("report");
        theme.setExtraLargeFont(new Font(ReportFonts.SANS, Font.BOLD, 15));
        theme.setLargeFont(new Font(ReportFonts.SANS, Font.BOLD, 11));
        theme.setRegularFont(new Font(ReportFonts.SANS, Font.PLAIN, 12));
        theme.setSmallFont(new Font(ReportFonts.SANS, Font.PLAIN, 11));
        theme.apply(chart);

        try (PDDocument pdf = Loader.loadPDF(PdfRenderer.render(page, Map.of("dip", chart), List.of()))) {
            assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("nl");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Stuurrapport Noord");
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            List<String> tags = new ArrayList<>();
            tags(pdf.getDocumentCatalog().getStructureTreeRoot(), tags);
            assertThat(tags).contains("H1", "P", "Table", "TH", "TD", "Figure: Grafiek: Dipcurve");
        }
    }

    /** The structure types under {@code node}, in reading order; a figure with its alternative text. */
    static void tags(PDStructureNode node, List<String> into) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                into.add(element.getAlternateDescription() == null ? element.getStructureType()
                                 : element.getStructureType() + ": " + element.getAlternateDescription());
                tags(element, into);
            }
        }
    }
}

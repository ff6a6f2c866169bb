package nl.samenspel.web.report;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Element;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an XHTML page into a PDF with openhtmltopdf: the page's {@code <object data-chart="key">} elements are drawn
 * by the matching JFreeChart as vectors (its labels as real text in the embedded font), and files can be attached to
 * the document. Nothing is fetched while rendering: the page must carry everything it shows.
 */
public final class PdfRenderer {
    /** A file carried inside the PDF (the viewer lists it under attachments). */
    public record Attachment(String name, String mediaType, String description, byte[] content) {
    }

    private PdfRenderer() {
    }

    /**
     * The page with every character XML 1.0 cannot hold shown as U+FFFD: the report is parsed as XML, and one
     * noncharacter in a name logged before such text was refused (U+FFFF) made every report of its network fail.
     */
    static String documentText(String xhtml) {
        StringBuilder text = new StringBuilder(xhtml.length());
        xhtml.codePoints().forEach(c -> text.appendCodePoint(
                c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                        || c >= 0x10000 && c <= 0x10FFFF ? c : 0xFFFD));
        return text.toString();
    }

    public static byte[] render(String xhtml, Map<String, JFreeChart> charts, List<Attachment> attachments) {
        ReportFonts.registerWithJava2d();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        // A tagged PDF (PDF/UA): headings, paragraphs, tables and lists in reading order for a screen reader, the
        // page's language and title named, a chart a figure with its title as the alternative text.
        builder.usePdfUaAccessbility(true);
        builder.withHtmlContent(documentText(xhtml), "about:report");
        builder.withProducer("Samenspel");
        // The page is complete in itself; a name or a label in it can never make the server fetch anything.
        builder.useExternalResourceAccessControl((uri, type) -> false,
                                                 ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                                                 ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        for (ReportFonts.Face face : ReportFonts.FACES) {
            builder.useFont(face::open, face.family(), face.weight(),
                            face.italic() ? BaseRendererBuilder.FontStyle.ITALIC : BaseRendererBuilder.FontStyle.NORMAL,
                            true);
        }
        builder.useObjectDrawerFactory(new ChartDrawers(charts));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.createPDFWithoutClosing();
            PDDocument document = renderer.getPdfDocument();
            attach(document, attachments);
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the PDF", e);
        }
        return out.toByteArray();
    }

    private static void attach(PDDocument document, List<Attachment> attachments) throws IOException {
        if (attachments.isEmpty()) {
            return;
        }
        Map<String, PDComplexFileSpecification> files = new HashMap<>();
        for (Attachment attachment : attachments) {
            PDEmbeddedFile embedded = new PDEmbeddedFile(document, new ByteArrayInputStream(attachment.content()));
            embedded.setSubtype(attachment.mediaType());
            embedded.setSize(attachment.content().length);
            PDComplexFileSpecification file = new PDComplexFileSpecification();
            file.setFile(attachment.name());
            file.setFileUnicode(attachment.name());
            file.setFileDescription(attachment.description());
            file.setEmbeddedFile(embedded);
            file.setEmbeddedFileUnicode(embedded);
            files.put(attachment.name(), file);
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(files);
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        if (names == null) {
            names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        }
        names.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(names);
    }

    /** Draws {@code <object data-chart="key">} with the chart of that key, at the size the page's CSS gives it. */
    private record ChartDrawers(Map<String, JFreeChart> charts) implements FSObjectDrawerFactory {
        @Override
        public boolean isReplacedObject(Element e) {
            return charts.containsKey(e.getAttribute("data-chart"));
        }

        @Override
        public FSObjectDrawer createDrawer(Element e) {
            JFreeChart chart = charts.get(e.getAttribute("data-chart"));
            return (element, x, y, width, height, device, context, dotsPerPixel) -> {
                // openhtmltopdf hands the size in its own dots; the chart draws in CSS pixels.
                double w = width / dotsPerPixel;
                double h = height / dotsPerPixel;
                device.drawWithGraphics((float) x, (float) y, (float) w, (float) h,
                                        graphics -> chart.draw(graphics, new Rectangle2D.Double(0, 0, w, h)));
                return null;
            };
        }
    }
}

package nl.samenspel.web.report;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
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
}

package nl.samenspel.verify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The test vector of {@code docs/verification.md}, and the JSON round trip the hashed strings depend on. */
class ChainHashTest {

    @Test
    void theDocumentedExampleHashesToTheDocumentedValue() {
        LogEvent first = new LogEvent(1, "e1", "Network", "n1", 0, "2024-01-10T00:00:00Z", "T", null, "{}", "{}", null,
                                      false, false, null);
        assertThat(ChainHash.of(first, ChainHash.GENESIS))
                .isEqualTo("86254bde8461e566c98478d44cb8d78ab4480209d8bcedbd0a0c2009b39c5c1b");
    }

    @Test
    void aNullFieldAndAnEmptyFieldHashDifferently() {
        LogEvent withNull = new LogEvent(1, "e1", "Network", "n1", 0, "t", "T", null, "{}", "{}", null, false, false, null);
        LogEvent withEmpty = new LogEvent(1, "e1", "Network", "n1", 0, "t", "T", "", "{}", "{}", null, false, false, null);
        assertThat(ChainHash.of(withNull, "")).isNotEqualTo(ChainHash.of(withEmpty, ""));
    }

    @Test
    void everyStringSurvivesTheExportLineExactly() {
        String payload = "{\"name\":\"Zoë \\\"de\\\" Vries\",\"note\":\"tab\\tline\\nend \u0001 😀 €\"}\u2028";
        LogEvent event = new LogEvent(7, "e\"1", "Network", "n1", 3, "2024-01-10T00:00:00.123456Z", "a.B", null,
                                      payload, "{\"recordedBy\":\"ß\"}", "h", true, false, "c2VhbA==");
        assertThat(ExportFormat.read(ExportFormat.event(event))).isEqualTo(event);
        assertThat(Json.parse("\"\\ud83d\\ude00\\u00e9\\/\"")).isEqualTo("😀é/");
    }
}

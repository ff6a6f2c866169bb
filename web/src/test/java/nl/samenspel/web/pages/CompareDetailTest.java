package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row of the auditor's comparison marked as differing whose two sides read the same says what differs: the value
 * before rounding, else the figures behind it in words; it said "in figures behind the value" without which.
 */
class CompareDetailTest {
    private static final MessageSource MESSAGES = new LocaleConfiguration().messageSource();
    private static final Words DUTCH = new Words(MESSAGES, LocaleConfiguration.DUTCH);
    private static final Words ENGLISH = new Words(MESSAGES, Locale.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void threeCapitalsWithTheSameCoverageSayTheClaimsBehindEachSide() throws Exception {
        JsonNode now = JSON.readTree("{\"coverage\": 3, \"claims\": 3, \"economicShare\": 0.4}");
        JsonNode then = JSON.readTree("{\"coverage\": 3, \"claims\": 2, \"economicShare\": 0.4}");
        assertThat(AuditController.hiddenDifference("H12", 3.0, 3.0, now, then, ENGLISH))
                .isEqualTo("in what the value is computed from. Now: 3 evidenced claims; economic share 40\u00a0%. "
                           + "Then: 2 evidenced claims; economic share 40\u00a0%.");
        assertThat(AuditController.hiddenDifference("H12", 3.0, 3.0, now, then, DUTCH))
                .isEqualTo("in waaruit de waarde berekend wordt. Nu: 3 onderbouwde waardeclaims; economisch aandeel "
                           + "40\u00a0%. Toen: 2 onderbouwde waardeclaims; economisch aandeel 40\u00a0%.");
    }

    @Test
    void aValueThatDiffersOnlyBeforeRoundingSaysItUnroundedAndFiguresThatReadAlikeSayThatTheyDiffer() throws Exception {
        JsonNode figures = JSON.readTree("{\"coverage\": 3, \"claims\": 3, \"economicShare\": 0.4}");
        assertThat(AuditController.hiddenDifference("H8", 0.094, 0.086, figures, figures, ENGLISH))
                .startsWith("before rounding: ");
        assertThat(AuditController.hiddenDifference("H12", 3.0, 3.0, figures, figures, ENGLISH))
                .isEqualTo("in figures behind the value that this table does not show (what it is computed from)");
        assertThat(AuditController.hiddenDifference("H12", 3.0, 3.0, JSON.createObjectNode(), figures, ENGLISH))
                .as("one side without figures").startsWith("in figures behind the value");
    }
}

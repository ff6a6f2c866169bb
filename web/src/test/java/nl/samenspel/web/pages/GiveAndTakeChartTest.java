package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspel.web.api.SamenspelClient;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The give-and-take chart's summary counts the partners that gave, not every partner in the ledger: with one giver of
 * 21 partners it said "21 partners gaven € 99.999.999.999".
 */
class GiveAndTakeChartTest {
    private static final Words DUTCH = new Words(new LocaleConfiguration().messageSource(), LocaleConfiguration.DUTCH);
    private static final Words ENGLISH = new Words(new LocaleConfiguration().messageSource(), Locale.ENGLISH);

    private static SamenspelClient.Indicator h4(String ledger, double total) throws Exception {
        String figures = "{\"ledger\": {" + ledger + "}, \"totalGivenEur\": " + total + ", \"unfair\": 0, "
                + "\"reciprocity\": [], \"windowMonths\": 12}";
        return new SamenspelClient.Indicator("H4", "Give and take", "OK", new ObjectMapper().readTree(figures), null, 0);
    }

    @Test
    void theSummaryCountsThePartnersThatGave() throws Exception {
        String ledger = "\"a\": {\"name\": \"ROC Westkust\", \"givenEur\": 1500, \"receivedEur\": 0},"
                + "\"b\": {\"name\": \"Gemeente Zuid\", \"givenEur\": 0, \"receivedEur\": 1500},"
                + "\"c\": {\"name\": \"Zorg Noord\", \"givenEur\": 0, \"receivedEur\": 0}";
        assertThat(Charts.giveAndTake(h4(ledger, 1500), DUTCH).summary()).startsWith("E\u00e9n partner gaf \u20ac");
        assertThat(Charts.giveAndTake(h4(ledger, 1500), ENGLISH).summary()).startsWith("One partner gave \u20ac");
        String two = ledger.replace("\"givenEur\": 0, \"receivedEur\": 1500", "\"givenEur\": 20, \"receivedEur\": 1500");
        assertThat(Charts.giveAndTake(h4(two, 1520), ENGLISH).summary()).startsWith("2 partners gave \u20ac");
        String none = ledger.replace("1500, \"receivedEur\": 0", "0, \"receivedEur\": 0");
        assertThat(Charts.giveAndTake(h4(none, 0), DUTCH).summary()).startsWith("Geen partner gaf iets");
    }
}

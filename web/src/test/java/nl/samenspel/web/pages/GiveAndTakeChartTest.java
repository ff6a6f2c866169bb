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
        return h4(ledger, total, 0, "[]");
    }

    private static SamenspelClient.Indicator h4(String ledger, double total, int unfair, String reciprocity)
            throws Exception {
        String figures = "{\"ledger\": {" + ledger + "}, \"totalGivenEur\": " + total + ", \"unfair\": " + unfair
                + ", \"reciprocity\": " + reciprocity + ", \"windowMonths\": 12}";
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

    /**
     * Only a pair that gave both ways counts as giving to each other: one partner giving to another (reciprocity 0,
     * one way) was said as "one pair of partners gave to each other both ways". And with no partner rating the
     * balance the summary says so: "0 find the balance unfair" read as reassurance.
     */
    @Test
    void theSummaryCountsOnlyPairsThatGaveBothWaysAndSaysWhenNoOneRatedTheBalance() throws Exception {
        String ledger = "\"a\": {\"name\": \"Funderingstechniek\", \"givenEur\": 3000, \"receivedEur\": 0},"
                + "\"b\": {\"name\": \"Aannemer\", \"givenEur\": 500, \"receivedEur\": 3000}";
        String oneWay = "[{\"partnerA\": \"a\", \"partnerB\": \"b\", \"ratio\": 0}]";
        assertThat(Charts.giveAndTake(h4(ledger, 3500, 0, oneWay), ENGLISH).summary())
                .contains("no two partners gave to each other both ways").contains("no partner rated the balance")
                .doesNotContain("0 find");
        assertThat(Charts.giveAndTake(h4(ledger, 3500, 0, oneWay), DUTCH).summary())
                .contains("geen enkel tweetal partners gaf elkaar over en weer iets")
                .contains("geen partner beoordeelde de balans");
        String both = "[{\"partnerA\": \"a\", \"partnerB\": \"b\", \"ratio\": 0.4}]";
        String rated = ledger.replace("\"receivedEur\": 0}", "\"receivedEur\": 0, \"fairness\": \"unfair\"}");
        assertThat(Charts.giveAndTake(h4(rated, 3500, 1, both), ENGLISH).summary())
                .contains("one pair of partners gave to each other both ways")
                .contains("one partner finds the balance unfair");
        assertThat(Charts.giveAndTake(h4(rated, 3500, 1, both), DUTCH).summary())
                .contains("\u00e9\u00e9n partner vindt de balans oneerlijk");
        String fair = ledger.replace("\"receivedEur\": 0}", "\"receivedEur\": 0, \"fairness\": \"fair\"}");
        assertThat(Charts.giveAndTake(h4(fair, 3500, 0, both), ENGLISH).summary())
                .contains("no partner finds the balance unfair");
    }
}

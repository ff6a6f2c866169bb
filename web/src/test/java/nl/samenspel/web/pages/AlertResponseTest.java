package nl.samenspel.web.pages;

import nl.samenspel.web.api.SamenspelClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What to do about a missing ingredient (A8) names what helps for the ingredients missing, in Dutch as in English: the
 * Dutch page named all four ingredients, sub-coalitions among them where the network had 28.
 */
class AlertResponseTest {
    private static final Words DUTCH = new Words(new LocaleConfiguration().messageSource(), LocaleConfiguration.DUTCH);
    private static final Words ENGLISH = new Words(new LocaleConfiguration().messageSource(), Locale.ENGLISH);

    @Test
    void aMissingIngredientsResponseNamesWhatHelpsForTheIngredientsMissing() {
        String english = "Agree the rules of play on who takes part and how, financing, sharing information on initiatives, "
                + "learning together and watching the effect.";
        var missing = new SamenspelClient.Alert("A8", "Missing ingredient", "INFO", "Vitality 3 of 4; missing: a foundation.",
                List.of(), 0, english, List.of(new SamenspelClient.Reason("missing", List.of("3", "@ingredient.foundation"))));
        assertThat(Alerts.response(missing, DUTCH)).startsWith("Spreek de spelregels af").doesNotContain("subcoalitie");
        assertThat(Alerts.response(missing, ENGLISH)).isEqualTo(english);
        var two = new SamenspelClient.Alert("A8", "Missing ingredient", "INFO", "", List.of(), 0, english,
                List.of(new SamenspelClient.Reason("missing", List.of("2", "@ingredient.sharedPicture|@ingredient.sharedLeadership"))));
        assertThat(Alerts.response(two, DUTCH)).startsWith("Maak met de partners een beeld van de regio")
                                               .contains("Beleg het netwerkleiderschap").doesNotContain("spelregels");
    }
}

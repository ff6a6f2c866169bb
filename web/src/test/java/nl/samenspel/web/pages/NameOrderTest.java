package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names to pick from are listed as a reader sorts them: a network of 21 partners listed "West 1, West 10 … West 18,
 * West 2" in its forms, while its charts ran 1 to 18.
 */
class NameOrderTest {
    @Test
    void theFormsListPartnersWithTheNumbersInTheirNamesTakenAsNumbers() {
        ObjectNode facts = new ObjectMapper().createObjectNode();
        ArrayNode partners = facts.putArray("partners");
        for (String name : List.of("Zorgorganisatie West 10", "Zorgorganisatie West 2", "Ézorg", "zorgorganisatie West 1",
                                   "Gemeente Zuid", "Zorgorganisatie West 18", "Atelier")) {
            partners.addObject().put("partnerId", name).put("name", name).put("joinedOn", "2024-01-01");
        }
        EntryForms.Sources sources = new EntryForms.Sources(facts, none -> null, none -> null);
        List<String> listed = sources.activePartners(LocalDate.of(2025, 1, 1)).stream().map(EntryForms.Choice::label)
                                     .toList();
        assertThat(listed).containsExactly("Atelier", "Ézorg", "Gemeente Zuid", "zorgorganisatie West 1",
                                           "Zorgorganisatie West 2", "Zorgorganisatie West 10", "Zorgorganisatie West 18");
    }

    @Test
    void numbersCompareByValueAndTextByTheLanguagesRules() {
        List<String> names = new ArrayList<>(List.of("Team 9", "Team 100", "Team", "Team 9b", "Team 9a", "Óost 1",
                                                     "Oost 2", "99 Luftballons", "1 Gemeente", "oost 1"));
        names.sort(NameOrder.NAMES);
        assertThat(names).containsExactly("1 Gemeente", "99 Luftballons", "oost 1", "Óost 1", "Oost 2", "Team",
                                          "Team 9", "Team 9a", "Team 9b", "Team 100");
    }
}

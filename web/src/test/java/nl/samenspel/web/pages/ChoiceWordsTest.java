package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Choices written in the pages' words are sent as codes; nothing else of the file changes. */
class ChoiceWordsTest {
    private static final String DESCRIPTION = """
            {"paths":{"/api/networks/{networkId}/entries/temperature-measured":{"post":{"requestBody":{"content":{
              "application/json":{"schema":{"properties":{
                "level":{"type":"integer"},
                "signals":{"type":"array","items":{"type":"string","enum":["guardedness","avoided-topics"]}},
                "source":{"type":"string","enum":["minutes","document","survey"]},
                "note":{"type":"string"},
                "occurredOn":{"type":"string","format":"date"}}}}}}}},
             "/api/networks/{networkId}/entries/contribution-recorded":{"post":{"requestBody":{"content":{
              "application/json":{"schema":{"properties":{
                "quantity":{"type":"number"},
                "unit":{"type":"string","enum":["EUR","hours","days"]}}}}}}}},
             "/api/networks/{networkId}/entries/meeting-held":{"post":{"requestBody":{"content":{
              "application/json":{"schema":{"properties":{
                "attendance":{"type":"array","items":{"$ref":"#/components/schemas/Attendance"}}}}}}}}}},
             "components":{"schemas":{"Attendance":{"properties":{
                "partnerId":{"type":"string","format":"uuid"},
                "level":{"type":"string","enum":["board","management"]}}}}}}""";

    private final ImportTemplate kinds;
    private final StaticMessageSource messages = new StaticMessageSource();

    ChoiceWordsTest() throws Exception {
        kinds = new ImportTemplate(new ObjectMapper().readTree(DESCRIPTION));
        Locale dutch = Locale.forLanguageTag("nl");
        messages.addMessage("enum.guardedness", dutch, "Waakzaamheid");
        messages.addMessage("enum.avoided-topics", dutch, "Onderwerpen worden gemeden");
        messages.addMessage("enum.minutes", dutch, "Verslag");
        messages.addMessage("enum.document", Locale.ENGLISH, "Report (a document)");
        messages.addMessage("enum.document", dutch, "Document");
        messages.addMessage("enum.minutes", Locale.ENGLISH, "Minutes");
        messages.addMessage("enum.board", dutch, "Bestuurlijk");
        messages.addMessage("enum.hours", dutch, "Uren");
        messages.addMessage("enum.hours.also", dutch, "uur, u");
        messages.addMessage("enum.days.also", Locale.ENGLISH, "day");
        messages.addMessage("enum.EUR.also", dutch, "\u20ac, euro");
        // one word for two values: left as written
        messages.addMessage("enum.survey", dutch, "Verslag");
    }

    private String codes(String csv) {
        return new String(ChoiceWords.asCodes(csv.getBytes(StandardCharsets.UTF_8), kinds, messages),
                          StandardCharsets.UTF_8);
    }

    /**
     * A choice whose word adds something in brackets is read without them too, as a person writes it in a cell:
     * "Capaciteit" was refused where the list of values said "Capaciteit (mensen, tijd)".
     */
    @Test
    void aWordIsReadWithoutWhatItsBracketsAdd() {
        assertThat(codes("type;source\r\ntemperature-measured;report\r\ntemperature-measured;Report (a document)\r\n")
                           .split("\r\n")).containsExactly("type;source", "temperature-measured;document",
                                                           "temperature-measured;document");
    }

    @Test
    void wordsInEitherLanguageAndCodesInAnotherCaseBecomeCodesAndRowsKeepTheirLines() {
        String sent = codes("type;level;signals;source;note;occurredOn\r\n"
                + "temperature-measured;2;\"WAAKZAAMHEID; onderwerpen worden gemeden\";Document;\"two\nlines\";7-12-2025\r\n"
                + "\r\n"
                + "temperature-measured;3;Guardedness;Document;;2025-12-08\r\n");
        assertThat(sent.split("\r\n", -1)).containsExactly(
                "type;level;signals;source;note;occurredOn",
                "temperature-measured;2;\"guardedness;avoided-topics\";document;\"two\nlines\";7-12-2025",
                "",
                "temperature-measured;3;guardedness;document;;2025-12-08",
                "");
    }

    /** A unit is read as people write it in a cell: "uur" and "day" were refused where the forms say "Uren", "Days". */
    @Test
    void aUnitInTheSingularOrByItsSignIsRead() {
        assertThat(codes("type;quantity;unit\r\ncontribution-recorded;12;uur\r\ncontribution-recorded;1;Day\r\n"
                         + "contribution-recorded;500;\u20ac\r\ncontribution-recorded;3;U\r\n").split("\r\n"))
                .containsExactly("type;quantity;unit", "contribution-recorded;12;hours", "contribution-recorded;1;days",
                                 "contribution-recorded;500;EUR", "contribution-recorded;3;hours");
    }

    @Test
    void aMeetingsAttendanceNamesTheLevelInWordsBesideThePartner() {
        assertThat(codes("type,attendance\r\nmeeting-held,Gemeente Zuid:bestuurlijk;Board:MANAGEMENT;Zorg:hoog\r\n"))
                .isEqualTo("type,attendance\r\nmeeting-held,Gemeente Zuid:board;Board:management;Zorg:hoog\r\n");
    }

    @Test
    void aWordForTwoValuesAFileWithNothingToChangeAndOneNotInUtf8AreSentAsTheyCame() {
        String ambiguous = "type,source,occurredOn\r\ntemperature-measured,Verslag,2025-12-07\r\n";
        assertThat(codes(ambiguous)).isEqualTo(ambiguous);
        String plain = "type,source,note\r\ntemperature-measured,minutes,\"Geld; Verslag\"\r\n";
        assertThat(codes(plain)).as("a free text holding words is no choice").isEqualTo(plain);
        byte[] latin1 = "type,source,note\r\ntemperature-measured,Document,caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ChoiceWords.asCodes(latin1, kinds, messages)).isSameAs(latin1);
    }
}

package nl.samenspel.web.pages;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the services refuse, as they state it in English, is said in the page's language: messages as the command
 * service writes them (its own rules, Bean Validation's defaults, the strict reading of JSON and of import files).
 */
class RefusalsTest {
    private static final MessageSource MESSAGES = new LocaleConfiguration().messageSource();
    private static final Words DUTCH = new Words(MESSAGES, LocaleConfiguration.DUTCH);
    private static final Words ENGLISH = new Words(MESSAGES, Locale.ENGLISH);

    /** Messages as the services word them, each with a part it names that the page must keep. */
    private static final List<List<String>> SERVICE_MESSAGES = List.of(
            List.of("must be greater than 0", "0"),
            List.of("reads two ways: as 1250 (a point between thousands) or as 1.250 (a decimal point); write a whole "
                    + "number without a separator (1250), or a decimal with a comma (1,250)", "1,250"),
            List.of("reads two ways: as 12500 (a comma between thousands) or as 12.5 (a decimal comma); write a whole "
                    + "number without a separator (12500), or a decimal with a point (12.5)", "12.5"),
            List.of("must not be blank", ""),
            List.of("is required", ""),
            List.of("must be at most 200 characters (was 240)", "240"),
            List.of("lies before the partner joined on 2024-02-01", "2024-02-01"),
            List.of("lies before the role was assigned on 2025-03-01", "2025-03-01"),
            List.of("lies before the evaluation was opened on 2025-06-01", "2025-06-01"),
            List.of("lies before the conflict was registered on 2025-06-01", "2025-06-01"),
            List.of("lies before the agreement was made on 2025-06-01", "2025-06-01"),
            List.of("lies before the contribution was recorded on 2025-06-01", "2025-06-01"),
            List.of("lies before the entry it corrects, dated 2025-02-14", "2025-02-14"),
            List.of("lies before the entry it retracts, dated 2025-02-14", "2025-02-14"),
            List.of("lies after the network's earliest entry, dated 2024-02-01; the founding comes first", "2024-02-01"),
            List.of("lies before the corrected founding date 2025-06-01", "2025-06-01"),
            List.of("another entry rests on it: the agreement-made of 2025-03-03 (partyIds[1]: partner Thuiszorg Oost only "
                    + "joined on 2025-03-04); correct or retract that entry first", "2025-03-03"),
            List.of("lies before what another entry says of it: the meeting-held of 2025-05-02 (attendance[0]: partner X "
                    + "withdrew on 2025-02-01); date it after that entry, or correct that entry first", "2025-05-02"),
            List.of("lies before 1900-01-01, the earliest date taken (was 0000-01-01)", "0000-01-01"),
            List.of("is not a valid date (YYYY-MM-DD)", "JJJJ-MM-DD"),
            List.of("is not a valid choice; one of: core, involved, peripheral", "involved, peripheral"),
            List.of("must have at most 12 digits before the decimal point and 4 after", "12"),
            List.of("is not a kind of entry: phase-chnaged", "phase-chnaged"),
            List.of("numeric value out of bounds (<12 digits>.<4 digits> expected)", "12"),
            List.of("must be one of: core, involved, peripheral", "peripheral"),
            List.of("is not a field here; the fields are: level, note, occurredOn", "level, note, occurredOn"),
            List.of("is not a field of meeting-held; leave this cell empty", "meeting-held"),
            List.of("holds a bidirectional control character, which makes a name read differently than it is stored "
                    + "(U+202E at character 6)", "U+202E"),
            List.of("holds a zero-width joiner or non-joiner where it joins nothing, which makes a name look like another "
                    + "(U+200D at character 7)", "U+200D"),
            List.of("no improvement action with this id in this network", "verbeteractie"),
            List.of("another active partner of this network is already called 'Gemeente Zuid'", "'Gemeente Zuid'"),
            List.of("partner Gemeente Zuid withdrew on 2025-06-30", "Gemeente Zuid"),
            List.of("no partner is called \"Gemeente Noord\" in this network or in the lines above; write the name as "
                    + "the partner list shows it, or the partner's id", "\"Gemeente Noord\""),
            List.of("more than one partner is called \"Gemeente Zuid\"; give the partner's id", "\"Gemeente Zuid\""),
            List.of("must be between 1 and 5", "5"),
            List.of("holds 6000 entries; an import may hold at most 5000, so split the file", "5.000"),
            List.of("is larger than the service accepts (1 MiB); split the file", "1 MiB"),
            List.of("is neither CSV nor JSON Lines", "CSV"),
            List.of("is not valid JSON (column 12: Unexpected character ('}' (code 125)))", "12"),
            List.of("opens a quoted cell that is never closed (the rest of the file is inside it)", ""),
            List.of("needs 9 scores for this instrument, got 8", "9"),
            List.of("must be at least 12 characters (or left out for identity-provider users)", "12"),
            List.of("must be at most 72 bytes in UTF-8: 72 plain letters, fewer with accents", "72"),
            List.of("holds a noncharacter, which Unicode keeps out of text that is exchanged (U+FFFF at character 15)", "U+FFFF"),
            List.of("is already taken", ""),
            List.of("must be 3, the next version", "3"),
            List.of("version 2 was already stated; correct it, or state version 3", "3"),
            List.of("the contribution is already delivered", "geleverd"),
            List.of("question E4 does not belong to the social capital", "sociaal"),
            List.of("must be a whole number from 1 to 12", "12"),
            List.of("lies after today (2026-12-05)", "2026-12-05"),
            List.of("has 7 cells, the header names 6", "kopregel 6"),
            List.of("has 7 cells, the header names 6; a cell that holds ; goes between double quotes", "\"A;B\""),
            List.of("unknown entry type 'meeting-hold'; one of agreement-made, meeting-held", "'meeting-hold'"),
            List.of("no health was computed for 2019-03", "2019-03"),
            List.of("alert A4 did not hold in 2025-02", "Signaal A4"),
            List.of("the log of this network is broken at sequence 17; nothing is read past it or written into it "
                    + "until it is repaired from a backup. GET /api/networks/x/integrity shows the break", "#17"));

    @Test
    void whatTheServicesRefuseIsSaidInDutchKeepingWhatItNames() {
        for (List<String> message : SERVICE_MESSAGES) {
            String said = Refusals.say(DUTCH, message.get(0));
            assertThat(Refusals.english(said)).as(message.get(0)).isFalse();
            assertThat(said).as(message.get(0)).contains(message.get(1)).doesNotContain(message.get(0))
                            .doesNotContain("refusal.");
        }
        assertThat(Refusals.say(DUTCH, "must be greater than 0")).isEqualTo("Moet groter zijn dan 0.");
        assertThat(Refusals.say(DUTCH, "no improvement action with this id in this network"))
                .isEqualTo("Er is geen verbeteractie met deze id in dit netwerk.");
        assertThat(Refusals.say(DUTCH, "question E4 does not belong to the social capital"))
                .isEqualTo("Vraag E4 hoort niet bij het sociaal kapitaal.");
        assertThat(Refusals.say(DUTCH, "must be a number from 0.01 to 1.0"))
                .as("a number with decimals is written with the reader's decimal sign")
                .isEqualTo("Moet een getal van 0,01 tot en met 1 zijn.");
        assertThat(Refusals.say(ENGLISH, "must be a number from 0.01 to 1.0")).isEqualTo("Must be a number from 0.01 to 1.");
    }

    /** The codes a field takes, with the words the Dutch forms use for them: "economisch" was refused by codes alone. */
    @Test
    void theCodesAFieldTakesAreSaidWithTheWordsTheFormsShow() {
        assertThat(Refusals.say(DUTCH, "must be one of: economic, social, cultural"))
                .isEqualTo("Moet een van deze zijn: economic (Economisch), social (Sociaal), cultural (Cultureel).");
        assertThat(Refusals.say(ENGLISH, "must be one of: economic, social, cultural"))
                .as("no word repeated where it is the code").isEqualTo("Must be one of: economic, social, cultural.");
    }

    /** A count of thousands is grouped as the reader writes it; an entry's number is written as the pages write it. */
    @Test
    void countsOfThousandsAreGroupedInTheReadersWay() {
        String tooMany = "holds 5001 entries; an import may hold at most 5000, so split the file";
        assertThat(Refusals.say(DUTCH, tooMany)).contains("5.001 vastleggingen").contains("ten hoogste 5.000");
        assertThat(Refusals.say(ENGLISH, tooMany)).contains("5,001 entries").contains("at most 5,000");
        assertThat(Refusals.say(DUTCH, "must be at most 2000 characters (was 12345)"))
                .isEqualTo("Ten hoogste 2.000 tekens (dit zijn er 12.345).");
        assertThat(Refusals.say(ENGLISH, "must be at most 200 characters (was 240)"))
                .as("a number under a thousand is left as it is").isEqualTo("At most 200 characters (this has 240).");
        assertThat(Refusals.say(DUTCH, "the log of this network is broken at sequence 1234; nothing is read past it"))
                .as("an entry's number is not a count").contains("#1234");
    }

    /**
     * A number that reads two ways is quoted as the file wrote it and as it is to be written: "write a whole number
     * without a separator (2.000)" stood on a Dutch page, the example grouped as the reader's numbers are.
     */
    @Test
    void aNumberThatReadsTwoWaysIsQuotedAsWrittenNotInTheReadersGrouping() {
        String twoWays = "reads two ways: as 2000 (a point between thousands) or as 2.000 (a decimal point); write a whole "
                + "number without a separator (2000), or a decimal with a comma (2,000)";
        assertThat(Refusals.say(DUTCH, twoWays)).contains("als 2000 (een punt tussen duizendtallen)")
                                               .contains("als 2.000 (een decimale punt)")
                                               .contains("zonder scheidingsteken (2000)")
                                               .contains("met een komma (2,000)");
        assertThat(Refusals.say(ENGLISH, twoWays)).contains("without a separator (2000)")
                                                 .contains("with a comma (2,000)");
        String commas = "reads two ways: as 12500 (a comma between thousands) or as 12.5 (a decimal comma); write a "
                + "whole number without a separator (12500), or a decimal with a point (12.5)";
        // the decimal reading as a Dutch reader writes it, and as the file is to have it
        assertThat(Refusals.say(DUTCH, commas)).isEqualTo("Leest op twee manieren: als 12500 (een komma tussen "
                + "duizendtallen) of als 12,5 (een decimale komma). Schrijf in dit bestand met komma's een heel getal "
                + "zonder scheidingsteken (12500), of een decimaal getal met een punt (12.5).");
    }

    /** Two refusals of one field, joined by the service, are each said in the reader's words (one stayed English). */
    @Test
    void twoRefusalsOfOneFieldAreEachSaidInDutch() {
        String said = Refusals.say(DUTCH, "must not be blank; may only hold letters, digits and . _ @ -");
        assertThat(Refusals.english(said)).as(said).isFalse();
        assertThat(said).doesNotContain("must not").doesNotContain("may only");
        assertThat(Refusals.say(ENGLISH, "size must be between 0 and 200")).isEqualTo("At most 200 characters.");
        assertThat(Refusals.say(DUTCH, "size must be between 2 and 2147483647")).isEqualTo("Kies er minstens 2.");
        assertThat(Refusals.say(ENGLISH, "size must be between 2 and 2")).isEqualTo("Pick exactly 2.");
        String unknownPart = Refusals.say(DUTCH, "must not be blank; is odd in a way no bundle knows");
        assertThat(Refusals.english(unknownPart)).as("a part unknown keeps the whole as written").isTrue();
    }

    @Test
    void anEntryThatRestsOnAnotherIsNamedByItsKindAndFieldInWordsWithTheReasonSaidToo() {
        String restsOn = "another entry rests on it: the meeting-held of 2025-05-02 (attendance[5].partnerId: partner Zorg "
                + "Noord withdrew on 2025-02-01); correct or retract that entry first";
        assertThat(Refusals.say(DUTCH, restsOn)).doesNotContain("meeting-held").doesNotContain("attendance[")
                .doesNotContain("partnerId").contains("Bijeenkomst gehouden").contains("2025-05-02")
                .contains("Aanwezig: Partner Zorg Noord is uitgetreden op 2025-02-01");
        assertThat(Refusals.say(ENGLISH, restsOn)).doesNotContain("meeting-held").doesNotContain("attendance[")
                .contains("Meeting held").contains("Attendance: Partner Zorg Noord withdrew on 2025-02-01");
        String endBefore = "lies before what another entry says of it: the agreement-made of 2025-03-03 (partyIds[1]: "
                + "partner Thuiszorg Oost only joined on 2025-03-04); date it after that entry, or correct that entry first";
        assertThat(Refusals.say(DUTCH, endBefore)).doesNotContain("agreement-made").doesNotContain("partyIds")
                .contains("Afspraak gemaakt").contains("Partners: Partner Thuiszorg Oost is pas toegetreden op 2025-03-04");
        String unknownReason = "another entry rests on it: the meeting-held of 2025-05-02 (something new); correct or "
                + "retract that entry first";
        assertThat(Refusals.say(DUTCH, unknownReason)).as("a reason the bundles do not know is kept as written")
                .contains("Bijeenkomst gehouden").contains("something new");
    }

    @Test
    void aRefusalThePagesDoNotKnowIsKeptAsWrittenAndMarkedEnglishOnADutchPage() {
        String unknown = "must match \"[a-z]+\"";
        assertThat(Refusals.english(Refusals.say(DUTCH, unknown))).isTrue();
        assertThat(Refusals.text(Refusals.say(DUTCH, unknown))).isEqualTo(unknown);
        assertThat(Refusals.say(ENGLISH, unknown)).as("an English page needs no mark").isEqualTo(unknown);
        assertThat(Refusals.say(ENGLISH, "another active partner of this network is already called 'Zuid'"))
                .isEqualTo("Another active partner of this network is already called 'Zuid'.");
    }

    /** Refusals stated only to clients of the API, never to a page (the pages send these requests well formed). */
    private static final Set<String> API_ONLY = Set.of(
            // explain: the pages ask for an indicator or an alert, never for neither or both
            "give either an indicator (H1–H17) or an alert (A1–A18)",
            // ?waitFor=: the pages pass positions as the services answered them
            "must be a position: a whole number as a command's answer gives it");

    /** A refusal the services state in a single text: its field and its message, as the last two arguments. */
    private static final Pattern STATED = Pattern.compile(
            "(?:RuleViolation\\.(?:invalid|conflict|notFound|forbidden)|\\.add|\\.when|new FieldError)\\s*\\("
            + "[^;]*?,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");

    /**
     * Every refusal that the services state in a single text (their rules, their checks of requests and files) has a
     * wording in the bundles, so no Dutch page shows it in English. Read from the services' sources; messages built
     * from parts are covered by the list above.
     */
    @Test
    void everyRefusalTheServicesStateInOneTextIsSaidInDutch() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Set<String> stated = new TreeSet<>();
        for (String module : List.of("command-service", "query-service", "service-support", "shared-kernel", "event-store")) {
            try (Stream<Path> sources = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher matcher = STATED.matcher(Files.readString(source));
                    while (matcher.find()) {
                        String message = matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
                        if (message.matches("[a-z].*[a-z)]") && !API_ONLY.contains(message)) {
                            stated.add(message);
                        }
                    }
                }
            }
        }
        assertThat(stated).as("refusals read from the sources").hasSizeGreaterThan(40)
                          .contains("must not lie before from", "is already taken");
        assertThat(stated).filteredOn(message -> Refusals.english(Refusals.say(DUTCH, message)))
                          .as("refusals a Dutch page would show in English").isEmpty();
    }
}

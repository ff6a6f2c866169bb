package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The line under a tile counts in the reader's language: one departure, not "1 departures". */
class TileWhyTest {
    private static final MessageSource MESSAGES = new LocaleConfiguration().messageSource();
    private static final Words DUTCH = new Words(MESSAGES, LocaleConfiguration.DUTCH);
    private static final Words ENGLISH = new Words(MESSAGES, Locale.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode figures(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void phasesThatDifferButNotYetLongEnoughToBeMarkedSayFromWhenTheyWillBe() throws Exception {
        String recent = "{\"confirmed\": \"execution\", \"confirmedOn\": \"2025-08-01\", \"suggested\": \"dip\", "
                        + "\"rule\": 2, \"outOfStepDays\": 30, \"watchAfterDays\": 60}";
        assertThat(PhaseLine.sentence(figures(recent), DUTCH))
                .endsWith("Die twee verschillen al 30 dagen. Vanaf 60 dagen verschil staat er \"Aandacht\" bij.");
        assertThat(PhaseLine.sentence(figures(recent), ENGLISH))
                .endsWith("The two have differed for 30 days. From 60 days apart it is marked \"Watch\".");
        String marked = recent.replace("\"outOfStepDays\": 30", "\"outOfStepDays\": 219");
        assertThat(PhaseLine.sentence(figures(marked), ENGLISH)).endsWith("The two have differed for 219 days.");
    }

    @Test
    void theRuleThatSuggestsExecutionSaysItsFiguresInDutchAsInEnglish() throws Exception {
        String execution = "{\"suggested\": \"execution\", \"rule\": 5, \"ruleValues\": [0.5, 3], "
                           + "\"reason\": \"governance or rules in force and energy at 50 % of its peak or more for 3 months\"}";
        assertThat(PhaseLine.sentence(figures(execution), DUTCH)).isEqualTo("Nog geen fase bevestigd. Het logboek wijst op: "
                + "Uitvoering (besturing of spelregels van kracht en de energie 3 maanden op rij op 50\u00a0% van haar piek of meer).");
        assertThat(PhaseLine.sentence(figures(execution), ENGLISH)).endsWith(
                "(governance or rules in force and energy at 50\u00a0% of its peak or more for 3 months).");
        String reassessment = "{\"suggested\": \"reassessment\", \"rule\": 4, \"ruleValues\": [14]}";
        assertThat(PhaseLine.sentence(figures(reassessment), DUTCH))
                .endsWith("(een nieuwe ambitie of een gezamenlijke evaluatie na 14 maanden uitvoering).");
    }

    /**
     * Anonymous answers left out of an evaluation's figures (fewer than three) are said beside its respondents: the
     * tile said "3 respondents" where four had answered, and the form promised that an anonymous answer counts.
     */
    @Test
    void anonymousAnswersLeftOutOfTheFiguresAreSaidBesideTheRespondents() throws Exception {
        String withheld = "{\"respondents\": 3, \"anonymousResponses\": 1, \"anonymousWithheld\": 1, "
                          + "\"process.median\": 3.0}";
        assertThat(Tiles.why("H1", figures(withheld), ENGLISH)).contains("3 respondents")
                .endsWith(" One anonymous answer is left out until the evaluation has three, so that no one can be singled out.");
        assertThat(Tiles.why("H16", figures(withheld.replace("\"anonymousWithheld\": 1", "\"anonymousWithheld\": 2")), DUTCH))
                .endsWith(" 2 anonieme antwoorden tellen pas mee als de evaluatie er drie heeft, zodat niemand herkenbaar wordt.");
        String counted = "{\"respondents\": 6, \"anonymousResponses\": 3, \"anonymousWithheld\": 0}";
        assertThat(Tiles.why("H1", figures(counted), ENGLISH)).doesNotContain("anonymous");
    }

    @Test
    void threeCapitalsInOrderWithoutAnyClaimSayWhyNoWarningHoldsYet() throws Exception {
        String none = "{\"claims\": 0, \"coverage\": 0}";
        var young = new nl.samenspel.web.api.SamenspelClient.Indicator("H12", "Three capitals", "OK", figures(none), null, 0);
        assertThat(Tiles.said("H12", young, "OK", ENGLISH)).isEqualTo("No evidenced claims; economic share \u2014."
                + " No warning for that yet: a network is warned once it is older than the period looked back on.");
        var warned = new nl.samenspel.web.api.SamenspelClient.Indicator("H12", "Three capitals", "WATCH", figures(none), null, 0);
        assertThat(Tiles.said("H12", warned, "WATCH", DUTCH)).doesNotContain("waarschuwing");
    }

    /** The tile's percentage is the smoothed energy over the peak: the two are shown so that it can be worked out. */
    @Test
    void theEnergiesBehindThePercentageGiveItBack() throws Exception {
        String energy = "{\"smoothedEnergy\": 0.75, \"peakEnergy\": 0.875, \"ratio\": 0.857, \"phase\": \"restart\"}";
        assertThat(Tiles.why("H5", figures(energy), ENGLISH))
                .startsWith("Smoothed energy 0.75 productive entries per partner a month, against a peak of 0.875;");
        assertThat(Tiles.why("H5", figures(energy), DUTCH)).contains("tegen een piek van 0,875;");
        String current = energy.replace("}", ", \"provisional\": true}");
        assertThat(Tiles.why("H5", figures(current), ENGLISH))
                .as("in the month not over yet, the figures are the last complete month's, and the tile says so")
                .endsWith("dip curve: Restart. This month is not over: until it is, these are the figures of the last"
                          + " complete month.");
        assertThat(Tiles.why("H5", figures(energy), ENGLISH)).doesNotContain("not over");
    }

    @Test
    void energyBelowTheDipLineWithoutADipSaysWhatElseADipTakes() throws Exception {
        String low = "{\"smoothedEnergy\": 0.05, \"peakEnergy\": 0.55, \"ratio\": 0.09, \"phase\": \"start\", "
                + "\"dipRisk\": %d, \"dipEnergyRatio\": 0.7, \"dipRiskNeeded\": 3}";
        assertThat(Tiles.why("H5", figures(low.formatted(1)), ENGLISH))
                .endsWith("dip curve: No dip. Energy is below the dip line (70\u00a0% of the peak), but a dip also takes 3 active"
                          + " dip drivers, and one is active.");
        assertThat(Tiles.why("H5", figures(low.formatted(0)), DUTCH))
                .endsWith("dipcurve: Geen dip. De energie ligt onder de diplijn (70\u00a0% van de piek), maar een dip vraagt ook 3"
                          + " actieve dipoorzaken, en geen enkele is actief.");
        String inDip = low.formatted(4).replace("\"start\"", "\"in-dip\"");
        assertThat(Tiles.why("H5", figures(inDip), ENGLISH)).doesNotContain("but a dip also takes");
        String high = low.formatted(1).replace("0.09", "0.9");
        assertThat(Tiles.why("H5", figures(high), ENGLISH)).doesNotContain("dip line");
    }

    @Test
    void oneIsSaidInTheSingularAndMoreInThePlural() throws Exception {
        assertThat(Tiles.why("H8", figures("{\"departures\": 1, \"windowMonths\": 12}"), ENGLISH)).isEqualTo("One departure in 12 months.");
        assertThat(Tiles.why("H8", figures("{\"departures\": 3, \"windowMonths\": 12}"), ENGLISH)).isEqualTo("3 departures in 12 months.");
        assertThat(Tiles.why("H8", figures("{\"departures\": 0, \"windowMonths\": 12}"), DUTCH)).isEqualTo("Geen vertrekkers in 12 maanden.");
        assertThat(Tiles.why("H8", figures("{\"departures\": 1, \"windowMonths\": 12}"), DUTCH)).isEqualTo("Eén vertrekker in 12 maanden.");
        // the period is the network's own (people.windowMonths), not always twelve months
        assertThat(Tiles.why("H8", figures("{\"departures\": 2, \"windowMonths\": 6}"), DUTCH)).isEqualTo("2 vertrekkers in 6 maanden.");
        assertThat(Tiles.why("H2", figures("{\"endorsing\": 7, \"activePartners\": 8, \"doubting\": 1, \"rejecting\": 0}"), DUTCH))
                .isEqualTo("7 van 8 partners onderschrijven de ambitie; 1 twijfelt, 0 wijzen af.");
        assertThat(Tiles.why("H13", figures("{\"scopes\": 1}"), ENGLISH)).startsWith("Hottest of the latest readings in one scope ");
        assertThat(Tiles.why("H4", figures("{\"delivered\": 1, \"windowMonths\": 12, \"unfair\": 1}"), ENGLISH))
                .isEqualTo("One contribution delivered in 12 months; one partner finds the balance unfair.");
    }

    @Test
    void continuityWithoutADepartureToJudgeSaysOneIsPendingRatherThanThatNobodyLeft() throws Exception {
        var pending = new nl.samenspel.web.api.SamenspelClient.Indicator("H9", "Continuity", "NA",
                figures("{\"departures\": 1, \"continued\": 0, \"broken\": 0, \"pending\": 1}"), null, 0);
        assertThat(Tiles.noData("H9", pending, ENGLISH))
                .isEqualTo("One departure is still within the time a successor may take: none to judge yet.");
        assertThat(Tiles.noData("H9", pending, DUTCH))
                .isEqualTo("E\u00e9n vertrek valt nog binnen de tijd die een opvolger heeft: nog niets te beoordelen.");
        var none = new nl.samenspel.web.api.SamenspelClient.Indicator("H9", "Continuity", "NA",
                figures("{\"departures\": 0, \"pending\": 0}"), null, 0);
        // Only the departures of the period looked back on count: one before it is no proof that nobody ever left
        // (alert A11 may still name it), so the line says which period it speaks of.
        assertThat(Tiles.noData("H9", none, ENGLISH)).isEqualTo("No representative left in the period looked back on.");
        assertThat(Tiles.noData("H9", none, DUTCH)).isEqualTo("Geen vertegenwoordiger vertrokken in de terugkijkperiode.");
    }

    @Test
    void anEvaluationRhythmWithoutAnyJointEvaluationSaysSoInsteadOfCountingTakersOfALastOne() throws Exception {
        JsonNode never = figures("{\"cadenceDays\": 365, \"daysSinceFounded\": 1096, \"activePartners\": 8, \"respondingPartners\": 0}");
        assertThat(Tiles.why("H15", never, DUTCH))
                .isEqualTo("Ritme 365 dagen; nog geen gezamenlijke evaluatie in de 1.096 dagen sinds de oprichting.");
        JsonNode held = figures("{\"cadenceDays\": 365, \"lastJointEvaluationId\": \"e1\", \"daysSinceLastJoint\": 40, "
                                + "\"activePartners\": 8, \"respondingPartners\": 6}");
        assertThat(Tiles.why("H15", held, ENGLISH)).startsWith("Cadence 365 days; 6 of 8 partners took part in the last one");
    }

    @Test
    void aShareOrAGapSaysWhatItIsOf() throws Exception {
        assertThat(Tiles.why("H11", figures("{\"leadRoles\": 3, \"leadershipConcentration\": 0.6667, \"informalShare\": 0.3333}"),
                             ENGLISH))
                .isEqualTo("67\u00a0% of the 3 lead roles sit with the two people who hold the most; informal contact 33\u00a0% of meetings.");
        assertThat(Tiles.why("H11", figures("{\"leadRoles\": 0, \"informalShare\": 0}"), ENGLISH))
                .startsWith("No lead roles; ");
        assertThat(Tiles.why("H16", figures("{\"respondents\": 21}"), DUTCH))
                .isEqualTo("Verbindend min lerend vermogen, op scores van 1 tot 10 (boven 0: verbindend scoort hoger); 21 respondenten.");
    }

    @Test
    void largeCountsAreWrittenAsTheReadersLanguageWritesThem() throws Exception {
        assertThat(Tiles.why("H4", figures("{\"delivered\": 1200, \"windowMonths\": 12, \"unfair\": 2}"), DUTCH))
                .isEqualTo("1.200 bijdragen geleverd in 12 maanden; 2 partners vinden de balans oneerlijk.");
    }

    @Test
    void aHalfIsRoundedUpAsAReaderWorkingTheFigureOutAgainWouldRoundIt() {
        // 15 of 24 cells and 7 of 8 partners: both a half, both rounded up
        assertThat(DUTCH.percent(15.0 / 24)).isEqualTo("63\u00a0%");
        assertThat(DUTCH.percent(7.0 / 8)).isEqualTo("88\u00a0%");
        assertThat(ENGLISH.number(2.5, 0)).isEqualTo("3");
    }

    /** A sum of money is exact: a total of € 187.500,50 stood as "€ 187.501" on a tile and in a comparison. */
    @Test
    void aSumOfMoneyKeepsItsCents() {
        assertThat(DUTCH.eur(117_600.5)).isEqualTo("\u20ac\u00a0117.600,50");
        assertThat(ENGLISH.value("H4", 187_500.5)).isEqualTo("\u20ac187,500.50");
        assertThat(ENGLISH.value("H4", 187_500.0)).as("whole euros without cents").isEqualTo("\u20ac187,500");
        assertThat(ENGLISH.precise(IndicatorCatalog.Kind.EUR, 187_500.504, 2)).isEqualTo("\u20ac187,500.50");
    }

    @Test
    void aSharedAmbitionThatNeedsActionSaysWhyBesideItsShare() throws Exception {
        String late = "{\"endorsing\": 7, \"activePartners\": 8, \"doubting\": 1, \"rejecting\": 0, \"pastGrace\": 1, "
                      + "\"graceDays\": 30}";
        var alert = new nl.samenspel.web.api.SamenspelClient.Indicator("H2", "Shared ambition", "ALERT", figures(late), null, 0);
        assertThat(Tiles.said("H2", alert, "ALERT", DUTCH)).endsWith("1 twijfelt, 0 wijzen af. \"Actie nodig\", want een "
                + "partner onderschrijft de ambitie nog niet, meer dan 30 dagen nadat ze werd uitgesproken of de partner toetrad.");
        var rejected = new nl.samenspel.web.api.SamenspelClient.Indicator("H2", "Shared ambition", "ALERT",
                                                                          figures(late.replace("\"rejecting\": 0", "\"rejecting\": 2")), null, 0);
        assertThat(Tiles.said("H2", rejected, "ALERT", ENGLISH)).endsWith("\"Action needed\": 2 partners reject the ambition.");
        var watch = new nl.samenspel.web.api.SamenspelClient.Indicator("H2", "Shared ambition", "WATCH", figures(late), null, 0);
        assertThat(Tiles.said("H2", watch, "WATCH", ENGLISH)).doesNotContain("Action needed");
    }

    /**
     * The figure eight needing action says why: a board cell open too long (A10). The same "2 of 24 cells closed"
     * stood beside "Watch" one month and "Action needed" the next, with the same words.
     */
    @Test
    void aFigureEightThatNeedsActionSaysWhichBoardCellsAreOpen() throws Exception {
        String figures = "{\"closedCells\": 2, \"cells\": 24, \"matrix\": ["
                         + "{\"partner\": \"Gemeente Noord\", \"level\": \"board\", \"closed\": false},"
                         + "{\"partner\": \"Gemeente Noord\", \"level\": \"management\", \"closed\": true},"
                         + "{\"partner\": \"Zorg Zuid\", \"level\": \"board\", \"closed\": true}]}";
        var alert = new nl.samenspel.web.api.SamenspelClient.Indicator("H10", "Figure-eight closure", "ALERT",
                                                                       figures(figures), null, 0);
        assertThat(Tiles.said("H10", alert, "ALERT", ENGLISH)).isEqualTo("2 of 24 partner-level cells are closed. "
                + "\"Action needed\": a partner's board cell has been open longer than the network's rules allow. "
                + "Open at board level that month: Gemeente Noord.");
        var watch = new nl.samenspel.web.api.SamenspelClient.Indicator("H10", "Figure-eight closure", "WATCH",
                                                                       figures(figures), null, 0);
        assertThat(Tiles.said("H10", watch, "WATCH", DUTCH)).doesNotContain("Actie nodig");
    }

    @Test
    void aDifferenceBetweenTwoScoresCarriesItsSign() {
        // learning-working climate: connecting minus learning; which side is higher reads from the sign
        assertThat(DUTCH.value("H16", 3.2)).isEqualTo("+3,2");
        assertThat(ENGLISH.value("H16", -0.4)).isEqualTo("\u22120.4");
        assertThat(ENGLISH.value("H16", 0.01)).isEqualTo("0");
        assertThat(ENGLISH.value("H1", 3.5)).as("a score on its scale has none").isEqualTo("3.5 of 5");
    }

    /**
     * Counts of one read as one, in both languages: "1 hand-overs continued" and "1 overdrachten voortgezet" stood on
     * the continuity tile, "1 pairs measured" and "1 paren gemeten" under the thermometer.
     */
    @Test
    void oneHandOverAndOnePairReadAsOne() throws Exception {
        String continuity = "{\"continued\": 1, \"broken\": 5, \"pending\": 0, \"continuity\": 0.17}";
        assertThat(Tiles.why("H9", figures(continuity), ENGLISH)).startsWith("One hand-over continued, 5 broken");
        assertThat(Tiles.why("H9", figures(continuity), DUTCH)).startsWith("E\u00e9n overdracht voortgezet, 5 gebroken");
        assertThat(Tiles.why("H9", figures(continuity.replace("\"continued\": 1", "\"continued\": 3")), DUTCH))
                .startsWith("3 overdrachten voortgezet");
        String thermometer = "{\"temperature\": 3, \"networkLevel\": 3, \"networkMeasuredOn\": \"2025-03-25\", "
                + "\"pairs\": [{\"partnerA\": \"a\", \"partnerB\": \"b\", \"nameA\": \"Alpha\", \"nameB\": \"Beta\", "
                + "\"level\": 2, \"measuredOn\": \"2025-02-25\"}]}";
        Charts.Chart chart = Charts.thermometer(new nl.samenspel.web.api.SamenspelClient.Indicator(
                "H13", "Network temperature", "ALERT", figures(thermometer), null, 0), ENGLISH);
        assertThat(chart.summary()).contains("one pair measured");
        assertThat(Charts.thermometer(new nl.samenspel.web.api.SamenspelClient.Indicator(
                "H13", "Network temperature", "ALERT", figures(thermometer), null, 0), DUTCH).summary())
                .contains("\u00e9\u00e9n paar gemeten");
        // the network's own reading says when it was measured: "Measured on —" stood beside a reading of 25 March
        assertThat(chart.table().rows().get(0)).containsExactly("Network as a whole", "3 \u00b7 Disagreement",
                                                                "2025-03-25");
    }

    /**
     * An indicator without data says what is missing for it: shared ambition and the evaluation rhythm said "No entries
     * yet to base this on" on networks with hundreds of entries.
     */
    @Test
    void sharedAmbitionAndTheEvaluationRhythmWithoutDataSayWhatIsMissing() {
        assertThat(Tiles.said("H2", null, "NA", ENGLISH)).startsWith("No ambition stated yet");
        assertThat(Tiles.said("H15", null, "NA", DUTCH)).startsWith("Nog geen gezamenlijke evaluatie");
        assertThat(Tiles.said("H15", null, "NA", ENGLISH)).doesNotContain("No entries yet");
    }
}

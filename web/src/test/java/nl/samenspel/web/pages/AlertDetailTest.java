package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspel.web.api.SamenspelClient.Alert;
import nl.samenspel.web.api.SamenspelClient.Indicator;
import nl.samenspel.web.api.SamenspelClient.MonthHealth;
import nl.samenspel.web.api.SamenspelClient.Reason;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An alert's detail in the reader's language where the bundles know its reasons, else the services' English. */
class AlertDetailTest {
    private static final MessageSource MESSAGES = new LocaleConfiguration().messageSource();
    private static final Words DUTCH = new Words(MESSAGES, LocaleConfiguration.DUTCH);
    private static final Words ENGLISH = new Words(MESSAGES, Locale.ENGLISH);

    private static Alert alert(String id, String detail, Reason... reasons) {
        return new Alert(id, "title", "WARNING", detail, List.of(), 0, "response", List.of(reasons));
    }

    @Test
    void theReasonsAreSaidInDutchWithTheirLabelsAndJoinedIntoOneSentence() {
        Alert alert = alert("A11", "A board representative of Alpha left on 2025-03-01 without hand-over or successor.",
                            new Reason("left", List.of("@enum.board", "Alpha", "2025-03-01")),
                            new Reason("noRule", List.of("2025-03-01")));
        AlertDetail detail = AlertDetail.of(alert, DUTCH, Map.of());
        assertThat(detail.lang()).isEqualTo("nl");
        assertThat(detail.text()).isEqualTo("Een vertegenwoordiger van Alpha (niveau: Bestuurlijk) vertrok op 2025-03-01 "
                + "zonder overdracht of opvolger; de eerste personeelswisseling (2025-03-01) vond plaats zonder spelregel "
                + "over personeelswisselingen.");
    }

    @Test
    void severalLabelsInOneValueAreSaidAsAList() {
        Alert alert = alert("A7", "Dip risk high: D3, D5 active; energy has not dropped yet.",
                            new Reason("risk", List.of("@risk.high", "@driver.D3|@driver.D5")));
        assertThat(AlertDetail.of(alert, DUTCH, Map.of()).text())
                .isEqualTo("Dipgevaar hoog: Capaciteit en financiering, Verantwoordingsdruk actief; de energie is nog niet gedaald.");
    }

    @Test
    void aCountOfDaysIsWrittenAsDutchWritesItAndATitleOfDigitsStaysAsItWas() {
        Alert overdue = alert("A13", "There has been no joint evaluation in the 1,097 days since the founding.",
                              new Reason("neverJoint", List.of("1097", "365")));
        assertThat(AlertDetail.of(overdue, DUTCH, Map.of()).text())
                .isEqualTo("In de 1.097 dagen sinds de oprichting was er geen gezamenlijke evaluatie (ritme: elke 365 dagen).");
        Alert spread = alert("A17", "Partners see 2025 differently.", new Reason("spread", List.of("2025", "proces", "1", "5")));
        assertThat(AlertDetail.of(spread, DUTCH, Map.of()).text()).contains("\u201c2025\u201d").doesNotContain("2.025");
    }

    @Test
    void anAlertThatHoldsInTwoFormsIsTitledAndAnsweredAsTheFormThatHolds() {
        // A7 is the dip itself (critical) or only its risk (a warning): a risk is not titled a dip, nor told to restart.
        assertThat(Alerts.said(DUTCH, "A7", "CRITICAL", "title", "Network dip")).isEqualTo("Netwerkdip");
        assertThat(Alerts.said(DUTCH, "A7", "WARNING", "title", "Network dip risk")).isEqualTo("Dreigende netwerkdip");
        assertThat(Alerts.said(DUTCH, "A7", "WARNING", "response", "Several dip drivers…"))
                .startsWith("Er spelen meerdere dipoorzaken tegelijk");
        assertThat(Alerts.said(ENGLISH, "A7", "WARNING", "title", "Network dip risk")).isEqualTo("Network dip risk");
        assertThat(Alerts.said(DUTCH, "A4", "WARNING", "title", "Temperature rising")).isEqualTo(
                MESSAGES.getMessage("alert.A4.title", null, LocaleConfiguration.DUTCH));
    }

    @Test
    void anEnglishPageAReasonTheBundlesDoNotKnowAndAnAlertWithoutReasonsShowTheEnglishDetail() {
        String english = "Partner Alpha has had no connected board representative for more than 180 days.";
        Alert known = alert("A10", english, new Reason("boardOpen", List.of("Partner Alpha", "180")));
        assertThat(AlertDetail.of(known, ENGLISH, Map.of())).isEqualTo(new AlertDetail(english, "en"));
        Alert unknown = alert("A10", english, new Reason("boardOpen", List.of("Partner Alpha", "180")),
                              new Reason("somethingNew", List.of()));
        assertThat(AlertDetail.of(unknown, DUTCH, Map.of())).isEqualTo(new AlertDetail(english, "en"));
        assertThat(AlertDetail.of(alert("A10", english), DUTCH, Map.of())).isEqualTo(new AlertDetail(english, "en"));
        assertThat(AlertDetail.of(known, DUTCH, Map.of()).text())
                .isEqualTo("Partner Alpha heeft al meer dan 180 dagen geen verbonden bestuurlijk vertegenwoordiger.");
    }

    @Test
    void aPhaseOutOfStepSaysTheRuleWithItsFiguresAsThePhaseLineDoes() throws Exception {
        var figures = new ObjectMapper().readTree("{\"suggested\": \"exploration\", \"rule\": 8, \"ruleValues\": [4], "
                + "\"confirmed\": \"set-up\", \"outOfStepSince\": \"2026-05-01\", \"outOfStepDays\": 90}");
        Alert outOfStep = alert("A18", "Since 2026-05-01 the data suggest the phase Exploration (4 active partners), while "
                                + "the confirmed phase is Set-up.",
                                new Reason("outOfStep", List.of("@enum.exploration", "@alert.A18.rule.8", "@enum.set-up",
                                                                "2026-05-01")));
        MonthHealth month = new MonthHealth("2026-07", null, Map.of("H17", new Indicator("H17", "Phase", "WATCH", figures,
                                                                                         List.of(), 0)), List.of(outOfStep));
        Alerts.Card card = Alerts.of(List.of(), month, DUTCH, "/explain").open().get(0);
        assertThat(card.detail()).isEqualTo("Sinds 2026-05-01 wijzen de gegevens op de fase Verkenning (4 partners doen "
                + "actief mee, en nog geen regel voor een latere fase geldt), terwijl de vastgestelde fase Inrichting is.");
        assertThat(Alerts.of(List.of(), month, ENGLISH, "/explain").open().get(0).detail()).isEqualTo(outOfStep.detail());
    }

    @Test
    void anAlertHoldingForOneRuleOnlyIsTitledForThatRule() {
        Alert noClaims = alert("A15", "In the last 12 months: no evidenced value claim at all.",
                               new Reason("noClaims", List.of("12")));
        assertThat(Alerts.title(noClaims, DUTCH)).isEqualTo("Nog geen onderbouwde waarde");
        assertThat(Alerts.title(noClaims, ENGLISH)).isEqualTo("No evidenced value yet");
        Alert economic = alert("A15", "In the last 12 months: 5 of 6 value claims are economic.",
                               new Reason("economic", List.of("5", "6", "12")));
        assertThat(Alerts.title(economic, DUTCH)).isEqualTo("Eenzijdige waarde");
        Alert noRule = alert("A11", "The first staff change (2025-03-01) came without a rule for staff changes.",
                             new Reason("noRule", List.of("2025-03-01")));
        assertThat(Alerts.title(noRule, ENGLISH)).isEqualTo("Staff change without an agreed rule");
        Alert left = alert("A11", "A board representative of Alpha left on 2025-03-01 without hand-over or successor.",
                           new Reason("left", List.of("@enum.board", "Alpha", "2025-03-01")),
                           new Reason("noRule", List.of("2025-03-01")));
        assertThat(Alerts.title(left, DUTCH)).isEqualTo("Wisseling zonder overdracht");
    }
}

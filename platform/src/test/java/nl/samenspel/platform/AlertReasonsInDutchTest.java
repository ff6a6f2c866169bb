package nl.samenspel.platform;

import nl.samenspel.health.Alert;
import nl.samenspel.health.HealthModel;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.platform.bench.TenYearNetwork;
import nl.samenspel.platform.demo.DemoNetworks;
import nl.samenspel.platform.demo.DemoScript;
import nl.samenspel.web.pages.LocaleConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every alert the health model raises says why in codes the Dutch pages can say: over the demo networks and generated
 * ten-year histories, each reason has a Dutch template with room for its values, and each label among its values has
 * a Dutch name. Otherwise a Dutch page falls back to the English detail.
 */
class AlertReasonsInDutchTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Test
    void everyReasonOfEveryRaisedAlertHasADutchTemplateAndEveryLabelADutchName() {
        MessageSource messages = new LocaleConfiguration().messageSource();
        HealthModel model = HealthModel.standard();
        List<List<LoggedEntry>> histories = new ArrayList<>();
        for (DemoScript script : DemoNetworks.all(TODAY, 2026)) {
            histories.add(DemoScenarioTest.log(script));
        }
        for (long seed : new long[] {2026, 1, 2}) {
            histories.add(TenYearNetwork.generate(seed, TODAY, 3_000, seed == 2026 ? 12 : 4));
        }
        Set<String> alertsSeen = new TreeSet<>();
        Set<String> reasonsSeen = new TreeSet<>();
        for (List<LoggedEntry> log : histories) {
            for (MonthHealth month : model.timeline(log, TODAY).months()) {
                for (Alert alert : month.alerts()) {
                    alertsSeen.add(alert.id());
                    assertThat(alert.reasons()).as("reasons of %s in %s", alert.id(), month.month()).isNotEmpty();
                    for (Alert.Reason reason : alert.reasons()) {
                        String key = "alert." + alert.id() + "." + reason.code();
                        reasonsSeen.add(key);
                        String template = messages.getMessage(key, null, null, DUTCH);
                        assertThat(template).as(key).isNotNull();
                        assertThat(new MessageFormat(template, DUTCH).getFormats().length).as("values of " + key)
                                .isLessThanOrEqualTo(reason.args().size());
                        for (String arg : reason.args()) {
                            if (arg.startsWith("@")) {
                                for (String label : arg.split("\\|")) {
                                    assertThat(messages.getMessage(label.substring(1), null, null, DUTCH))
                                            .as("label %s of %s", label, key).isNotNull();
                                }
                            }
                        }
                    }
                }
            }
        }
        // the histories raise most alerts, and several ways of most of them
        assertThat(alertsSeen).as("alerts raised").hasSizeGreaterThanOrEqualTo(17);
        assertThat(reasonsSeen).as("reasons given").hasSizeGreaterThanOrEqualTo(20);
    }
}

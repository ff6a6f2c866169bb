package nl.samenspel.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The web pages' message bundles as the tests read them, to compare a page with the words it should say. */
final class Bundles {
    private Bundles() {
    }

    /** The bundle {@code name} ({@code messages_nl}, {@code alerts_nl}, …) of the web pages. */
    static Properties of(String name) {
        Properties properties = new Properties();
        try (var in = Bundles.class.getResourceAsStream("/web/i18n/" + name + ".properties")) {
            if (in == null) {
                throw new IllegalArgumentException("No bundle " + name);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * The rule that chose a suggested phase (H17's figures) as the Dutch phase line words it: with its figures where
     * the rule has them (the partners withdrawn or active, the energy execution takes and for how many months), as the
     * English line has them; else as alert A18 words it.
     */
    static String dutchPhaseRule(com.fasterxml.jackson.databind.JsonNode phase) {
        var values = phase.path("ruleValues");
        int rule = phase.get("rule").asInt();
        if (rule == 5 && values.size() == 2) {
            return "besturing of spelregels van kracht en de energie " + values.get(1).asInt() + " maanden op rij op "
                   + Math.round(values.get(0).asDouble() * 100) + "\u00a0% van haar piek of meer";
        }
        if (rule == 8 && values.size() == 1) {
            return values.get(0).asInt() + " partners doen actief mee, en nog geen regel voor een latere fase geldt";
        }
        if (rule == 1 && values.size() == 2) {
            return values.get(0).asInt() + " van de " + values.get(1).asInt() + " partners "
                   + (values.get(0).asInt() == 1 ? "is" : "zijn") + " teruggetreden";
        }
        return of("alerts_nl").getProperty("alert.A18.rule." + rule);
    }

    /**
     * An alert's title as the pages show it from {@code messages}: {@code title}, but for "turnover without hand-over"
     * (A11) holding only for want of a rule for staff changes, and "one-sided value" (A15) only for want of any
     * evidenced claim, each titled for that rule.
     */
    static String alertTitle(com.fasterxml.jackson.databind.JsonNode alert, Properties messages, String title) {
        String id = alert.get("id").asText();
        String rule = id.equals("A11") ? "noRule" : id.equals("A15") ? "noClaims" : null;
        var reasons = alert.path("reasons");
        boolean ruleOnly = rule != null && !reasons.isEmpty();
        for (var reason : reasons) {
            ruleOnly &= reason.get("code").asText().equals(rule);
        }
        return ruleOnly ? messages.getProperty("alertTitle." + id + "." + rule) : title;
    }
}

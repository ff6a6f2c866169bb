package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.web.api.SamenspelClient.Indicator;
import nl.samenspel.web.api.SamenspelClient.MonthHealth;

import static nl.samenspel.web.pages.IndicatorCatalog.number;

/**
 * The phase the coordinator confirmed beside the phase the log suggests, with the rule that chose it (H17, domain
 * §5.10), as one line in the reader's language; {@code status} is H17's (WATCH once the two have differed long enough
 * for alert A18), {@code explainUrl} the entries both rest on.
 */
record PhaseLine(String said, String status, String statusWord, String explainUrl) {

    /** The month's line, or null where the month has no suggestion (health computed before there was one). */
    static PhaseLine of(MonthHealth month, Words words, String explainBase) {
        Indicator phase = month.indicator(IndicatorCatalog.PHASE);
        JsonNode f = phase == null ? null : phase.figures();
        String suggested = IndicatorCatalog.text(f, "suggested");
        if (suggested == null) {
            return null;
        }
        String status = phase.status() == null ? "NA" : phase.status();
        return new PhaseLine(sentence(f, words), status, words.status(status),
                             explainBase + "?indicator=" + IndicatorCatalog.PHASE + "&month=" + month.month());
    }

    /**
     * The confirmed phase (or that none was), the suggested one with its rule, how long they have differed and, while
     * that is not yet long enough to be marked, from when it will be: "In order" beside two phases that differ read as
     * a mistake.
     */
    static String sentence(JsonNode f, Words words) {
        String confirmed = IndicatorCatalog.text(f, "confirmed");
        Double rule = number(f, "rule");
        Double apart = number(f, "outOfStepDays");
        Double watchAfter = number(f, "watchAfterDays");
        String said = confirmed == null ? words.get("suggestedPhase.unconfirmed")
                : words.get("suggestedPhase.confirmed", word(words, confirmed), IndicatorCatalog.text(f, "confirmedOn"));
        said += " " + words.get("suggestedPhase.suggested", word(words, IndicatorCatalog.text(f, "suggested")),
                                rule(f, rule == null ? 0 : Math.round(rule), words));
        if (apart == null || apart <= 0) {
            return said;
        }
        said += " " + words.get("suggestedPhase.apart", Math.round(apart));
        return watchAfter == null || apart >= watchAfter ? said
                : said + " " + words.get("suggestedPhase.watchAfter", Math.round(watchAfter), words.status("WATCH"));
    }

    /**
     * The rule that chose the suggestion in the reader's language: with its figures where it has them (the partners
     * withdrawn or active, the energy it takes and for how long, the months of execution before), so Dutch says as
     * much as English; else as alert A18 words it where the bundles word it, else the model's words.
     */
    static String rule(JsonNode f, long rule, Words words) {
        JsonNode values = f.path("ruleValues");
        String key = switch ((int) rule) {
            case 1 -> values.size() == 2 ? "suggestedPhase.rule.1" : values.size() == 1 ? "suggestedPhase.rule.1.fewActive" : null;
            case 4, 8 -> values.size() == 1 ? "suggestedPhase.rule." + rule : null;
            case 5 -> values.size() == 2 ? "suggestedPhase.rule.5" : null;
            default -> null;
        };
        if (key == null) {
            return words.orElse("alert.A18.rule." + rule, IndicatorCatalog.text(f, "reason"));
        }
        Object[] args = new Object[values.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = values.get(i).asInt();
        }
        if (rule == 5) {
            args[0] = words.percent(values.get(0).asDouble());
        }
        return words.get(key, args);
    }

    /** A phase's words, as the entry forms name it. */
    static String word(Words words, String wireName) {
        return words.orElse("enum." + wireName, wireName);
    }
}

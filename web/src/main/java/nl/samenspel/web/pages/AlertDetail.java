package nl.samenspel.web.pages;

import nl.samenspel.web.api.SamenspelClient.Alert;
import nl.samenspel.web.api.SamenspelClient.Reason;

import java.util.ArrayList;
import java.util.List;

/**
 * Why an alert holds, in the reader's language: each of its reasons through the bundles' {@code alert.<id>.<code>},
 * its label values ({@code @enum.board}) through the bundles' own key ({@code enum.board}). Where the bundles do not
 * know every reason (the English pages: like titles and responses, the English comes from the services), or the alert
 * gives none, the English detail the services write is shown, marked as English.
 */
record AlertDetail(String text, String lang) {
    static final AlertDetail NONE = new AlertDetail(null, null);

    static AlertDetail of(Alert alert, Words words) {
        String language = words.locale().getLanguage();
        if (alert.detail() == null) {
            return NONE;
        }
        if (alert.reasons().isEmpty()) {
            return new AlertDetail(alert.detail(), "en");
        }
        List<String> said = new ArrayList<>();
        for (Reason reason : alert.reasons()) {
            Object[] args = reason.args().stream().map(arg -> value(arg, words)).toArray();
            String text = words.orElse("alert." + alert.id() + "." + reason.code(), null, args);
            if (text == null) {
                return new AlertDetail(alert.detail(), "en");
            }
            said.add(text);
        }
        String joined = String.join("; ", said);
        return new AlertDetail(joined.substring(0, 1).toUpperCase(words.locale()) + joined.substring(1) + ".", language);
    }

    /** A value as written, or a label (several, {@code |}-separated, said as a list) in the reader's language. */
    private static String value(String arg, Words words) {
        if (!arg.startsWith("@")) {
            return arg;
        }
        List<String> labels = new ArrayList<>();
        for (String label : arg.split("\\|")) {
            String key = label.substring(1);
            labels.add(words.orElse(key, key.substring(key.lastIndexOf('.') + 1).replace('-', ' ')));
        }
        return String.join(", ", labels);
    }
}

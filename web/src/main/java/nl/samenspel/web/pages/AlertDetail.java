package nl.samenspel.web.pages;

import nl.samenspel.web.api.SamenspelClient.Alert;
import nl.samenspel.web.api.SamenspelClient.Reason;

import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why an alert holds, in the reader's language: each of its reasons through the bundles' {@code alert.<id>.<code>},
 * its label values ({@code @enum.board}) through the bundles' own key ({@code enum.board}). Where the bundles do not
 * know every reason (the English pages: like titles and responses, the English comes from the services), or the alert
 * gives none, the English detail the services write is shown, marked as English. A label the page words more
 * closely ({@code known}: A18's rule with its figures, as the phase line says it) takes the page's words.
 */
record AlertDetail(String text, String lang) {
    static final AlertDetail NONE = new AlertDetail(null, null);

    static AlertDetail of(Alert alert, Words words, Map<String, String> known) {
        String language = words.locale().getLanguage();
        if (alert.detail() == null) {
            return NONE;
        }
        if (alert.reasons().isEmpty()) {
            return new AlertDetail(alert.detail(), "en");
        }
        List<String> said = new ArrayList<>();
        for (Reason reason : alert.reasons()) {
            String pattern = words.orElse("alert." + alert.id() + "." + reason.code(), null);
            if (pattern == null) {
                return new AlertDetail(alert.detail(), "en");
            }
            MessageFormat format = new MessageFormat(pattern, words.locale());
            Object[] values = reason.args().stream().map(arg -> known.getOrDefault(arg, value(arg, words))).toArray();
            said.add(format.format(args(format, values)));
        }
        String joined = String.join("; ", said);
        return new AlertDetail(joined.substring(0, 1).toUpperCase(words.locale()) + joined.substring(1) + ".", language);
    }

    /**
     * The values a reason's words write as numbers ({@code {0,number}}: a count of days) as numbers, so they are
     * written as the reader's language writes them ("1.097 dagen"); every other value stays as the services wrote it (a
     * title or a year in a plain {@code {0}} is never grouped).
     */
    private static Object[] args(MessageFormat format, Object[] args) {
        Format[] formats = format.getFormatsByArgumentIndex();
        for (int i = 0; i < Math.min(formats.length, args.length); i++) {
            if (formats[i] instanceof NumberFormat && args[i] instanceof String text && text.matches("-?\\d{1,18}")) {
                args[i] = Long.parseLong(text);
            }
        }
        return args;
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

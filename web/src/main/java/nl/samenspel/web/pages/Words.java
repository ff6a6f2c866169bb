package nl.samenspel.web.pages;

import org.springframework.context.MessageSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Labels from the message bundles and numbers written the way the reader's language writes them. */
final class Words {
    private final MessageSource messages;
    private final Locale locale;

    Words(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }

    MessageSource messages() {
        return messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** A label that may be missing from the bundles (e.g. a driver or alert the model added later). */
    String orElse(String key, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, locale);
    }

    /** The same label in the other language, for the Dutch term beside the English one and vice versa. */
    String other(String key) {
        Locale other = locale.getLanguage().equals("nl") ? Locale.ENGLISH : LocaleConfiguration.DUTCH;
        return messages.getMessage(key, null, key, other);
    }

    /**
     * A number as the reader's language writes it, a half rounded up (62.5 % reads 63 %, as 87.5 % reads 88 %: the
     * formatter's own rounding to the even neighbour read as a mistake to anyone working the figures out again).
     */
    String number(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setRoundingMode(RoundingMode.HALF_UP);
        format.setMaximumFractionDigits(decimals);
        format.setMinimumFractionDigits(0);
        return format.format(value);
    }

    String percent(double share) {
        return percent(share, 0);
    }

    /** A share as a percentage with at most {@code digits} decimals. */
    String percent(double share, int digits) {
        return number(share * 100, digits) + "\u00a0%";   // no line break between a number and its sign
    }

    /** A difference with its sign, so which side is higher reads at once: "+3,2", "−0,4", "0". */
    String signed(double value, int decimals) {
        int sign = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).signum();
        String shown = number(Math.abs(value), decimals);
        return sign > 0 ? "+" + shown : sign < 0 ? "\u2212" + shown : shown;
    }

    /** A sum of money as it is written: whole euros without cents ("€ 1.250"), else with both ("€ 1.250,50"). */
    String money(BigDecimal amount) {
        boolean cents = amount.stripTrailingZeros().scale() > 0;
        NumberFormat format = NumberFormat.getCurrencyInstance(locale.getLanguage().equals("nl")
                                                                       ? Locale.forLanguageTag("nl-NL")
                                                                       : Locale.forLanguageTag("en-IE"));
        format.setMinimumFractionDigits(cents ? 2 : 0);
        format.setMaximumFractionDigits(cents ? 2 : 0);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    /**
     * An amount in euros as {@link #money(BigDecimal)} writes it: to the cent, with cents only where there are any. A
     * sum is exact: "€ 187.501" for a total of € 187.500,50 read as a different sum than the entries logged.
     */
    String eur(double amount) {
        return money(BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP));
    }

    /** An indicator's headline value as it reads on a page, with the top of its scale where it has one: "3 of 4". */
    String value(String indicator, Double value) {
        String shown = value(IndicatorCatalog.kind(indicator), value);
        IndicatorCatalog.ScaleOf scale = IndicatorCatalog.scale(indicator);
        String step = value == null || scale == null ? null
                : EntryForms.scaleStep(messages, locale, scale.kind(), scale.field(), Long.toString(Math.round(value)));
        if (step != null) {
            return shown + " \u00b7 " + step;
        }
        Integer outOf = IndicatorCatalog.outOf(indicator);
        return value == null || outOf == null ? shown : get("value.outOf", shown, outOf);
    }

    String value(IndicatorCatalog.Kind kind, Double value) {
        return value == null ? get("value.none") : precise(kind, value, 0);
    }

    /**
     * A value of {@code kind} with {@code more} decimals than a page shows it with ({@code 0}: as a page shows it,
     * {@link #value(IndicatorCatalog.Kind, Double)}).
     */
    String precise(IndicatorCatalog.Kind kind, double value, int more) {
        return switch (kind) {
            case SHARE -> percent(value, more);
            case EUR -> eur(value);   // to the cent already
            case DAYS -> get("value.days", number(value, more));
            case COUNT -> number(value, more);
            case SCORE -> number(value, 1 + more);
            case GAP -> signed(value, 1 + more);
        };
    }

    String status(String status) {
        return get("status." + (status == null ? "NA" : status));
    }

    String severity(String severity) {
        return orElse("severity." + severity, severity);
    }
}

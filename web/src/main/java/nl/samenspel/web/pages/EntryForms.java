package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.samenspel.web.api.EntryCatalogue.Catalogue;
import nl.samenspel.web.api.EntryCatalogue.Field;
import nl.samenspel.web.api.EntryCatalogue.Kind;
import nl.samenspel.web.api.EntryCatalogue.Type;
import org.springframework.context.MessageSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns a kind of entry, as the API description states it, into a form: a control per field with its label and help
 * in the reader's language, choices that show names (partners active on the entry's date, open agreements, people
 * from the directory, ...) and send ids, the values typed so far and the error beside each field. Reads a submitted
 * form back into the entry's JSON, refusing here only what cannot be sent at all (a missing required value, a date or
 * number that is not one); every rule of the network is the service's to judge.
 *
 * <p>Labels come from the entries bundles: {@code field.<name>} and {@code field.<name>.help}, shared by every kind
 * that has the field (a kind may say it its own way with {@code field.<kind>.<name>}), and {@code enum.<value>} (or
 * {@code enum.<field>.<value>}) for the values of an enumeration.
 */
public final class EntryForms {
    /** The field that carries the date an entry happened on (its business date). */
    static final String BUSINESS_DATE = "occurredOn";

    /** Where a field's choices come from, by the field's name. */
    enum Picker {
        PARTNER, AGREEMENT, EVALUATION, CONFLICT, COALITION, CONTRIBUTION, ACTION, PERSON, LOGGED_ENTRY, AMBITION, NONE
    }

    static Picker picker(Field field) {
        String name = field.name();
        return switch (name) {
            case "personRef" -> Picker.PERSON;
            case "targetEventId" -> Picker.LOGGED_ENTRY;
            case "agreementId" -> Picker.AGREEMENT;
            case "evaluationId" -> Picker.EVALUATION;
            case "conflictId" -> Picker.CONFLICT;
            case "coalitionId", "subCoalitionId" -> Picker.COALITION;
            case "contributionId" -> Picker.CONTRIBUTION;
            case "actionId" -> Picker.ACTION;
            case "ambitionVersion" -> Picker.AMBITION;
            default -> field.type() == Type.UUID || field.type() == Type.UUID_LIST ? Picker.PARTNER : Picker.NONE;
        };
    }

    /** Whether a kind's choices depend on its date: it picks partners, who are active on some dates only. */
    static boolean picksPartners(Kind kind) {
        return kind.fields().stream().anyMatch(f -> picker(f) == Picker.PARTNER
                || f.items().stream().anyMatch(item -> picker(item) == Picker.PARTNER));
    }

    /**
     * One choice of a picker or enumeration: what is sent, and what the reader sees; and what a script narrows another
     * list by ({@code fits}, apart by spaces, or null): for a person the posts they hold now ("partnerId:level"), by
     * which a departure's form offers the chosen partner's representatives and fills in the level; for an agreement
     * its parties, by which an outcome's form offers only them as the partner responsible.
     */
    public record Choice(String value, String label, String fits) {
        public Choice(String value, String label) {
            this(value, label, null);
        }
    }

    /**
     * One control of the form. {@code control} says how it is drawn: text, textarea, date, number, select, radios,
     * checkboxes, checkbox, lines (one value a line), grid (a row per partner, a column per value), entry (a
     * fieldset holding the fields of another kind of entry). {@code optional} is what follows the label of a field
     * that may be left empty ("(optional)"), null for a required one.
     */
    public record FieldView(String name, String id, String control, String label, String optional, String help,
                            boolean required, String value, List<String> values, List<Choice> choices,
                            String emptyChoice, String min, String max, String step, Integer maxLength, String error,
                            boolean errorInEnglish, List<Choice> columns, List<FieldView> children,
                            List<Choice> hidden) {
        public String describedBy() {
            String described = ((error != null ? id + "-error " : "") + (help.isEmpty() ? "" : id + "-help")).strip();
            return described.isEmpty() ? null : described;
        }

        public boolean checked(String choice) {
            return values.contains(choice);
        }

        public boolean hasChoices() {
            return !choices.isEmpty();
        }

        /** The error as HTML, its dates kept whole on a phone ("(2027-" on one line, "03-01" on the next). */
        public String errorHtml() {
            return Line.wholeDates(error);
        }

        /** Where the error summary's link for this field goes: the field, or the first of its options. */
        public String anchor() {
            return switch (control) {
                case "radios", "checkboxes", "grid" -> choices.isEmpty() ? id : id + "-0";
                case "entry" -> children.isEmpty() ? id : children.get(0).anchor();
                default -> id;
            };
        }
    }

    /** A line of what was logged: the field's label and its value in words. */
    public record Line(String label, String value) implements java.io.Serializable {
        /** A date or a month (2026-12-06, 2026-11): a browser may break a line at their hyphens. */
        private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");

        /** The value as HTML in which a line break never splits a date at its hyphens. */
        public String valueHtml() {
            return wholeDates(value);
        }

        /**
         * {@code text} as HTML, each date and month in it kept on one line (2026-12- on one line, 06 on the next
         * misreads).
         */
        static String wholeDates(String text) {
            return DATE.matcher(org.springframework.web.util.HtmlUtils.htmlEscape(text))
                       .replaceAll("<span class=\"nowrap\">$0</span>");
        }
    }

    private final Catalogue catalogue;
    private final Words words;
    private final Sources sources;
    private final LocalDate today;

    EntryForms(Catalogue catalogue, Words words, Sources sources, LocalDate today) {
        this.catalogue = catalogue;
        this.words = words;
        this.sources = sources;
        this.today = today;
    }

    // --------------------------------------------------------------------------------------------------- labels

    static String label(MessageSource messages, Locale locale, String kind, String field) {
        return message(messages, locale, "field." + kind + "." + field, "field." + field);
    }

    static String help(MessageSource messages, Locale locale, String kind, String field) {
        return message(messages, locale, "field." + kind + "." + field + ".help", "field." + field + ".help");
    }

    static String enumValue(MessageSource messages, Locale locale, String field, String value) {
        return message(messages, locale, "enum." + field + "." + value, "enum." + value);
    }

    /**
     * Other words a person writes for a choice in a cell, comma-separated ("uur, u" for hours in Dutch: the forms say
     * "Uren"), or null where the bundles give none.
     */
    static String enumAlso(MessageSource messages, Locale locale, String field, String value) {
        return message(messages, locale, "enum." + field + "." + value + ".also", "enum." + value + ".also");
    }

    /**
     * The word for one step of an ordinal scale a whole-number field holds ("3" of the conflict thermometer is
     * "disagreement"), or null where the field has no named steps.
     */
    static String scaleStep(MessageSource messages, Locale locale, String kind, String field, String step) {
        return message(messages, locale, "scale." + kind + "." + field + "." + step, "scale." + field + "." + step);
    }

    /**
     * The steps of a whole-number field whose every step has a word, each as "3 · Disagreement", from its minimum to
     * its maximum; empty for any other field (a count, a year, a score of 1 to 10).
     */
    private List<Choice> scale(String kind, Field field) {
        if (!isShortScale(field)) {
            return List.of();
        }
        List<Choice> steps = new ArrayList<>();
        for (int step = field.minimum().intValueExact(); step <= field.maximum().intValueExact(); step++) {
            String word = scaleStep(words.messages(), words.locale(), kind, field.name(), Integer.toString(step));
            if (word == null) {
                return List.of();
            }
            steps.add(new Choice(Integer.toString(step), step + " \u00b7 " + word));
        }
        return steps;
    }

    /** Whether a field's bounds allow few enough whole numbers to be a scale of named steps (at most ten). */
    private static boolean isShortScale(Field field) {
        return field.minimum() != null && field.maximum() != null
                && field.maximum().subtract(field.minimum()).compareTo(BigDecimal.TEN) < 0;
    }

    private static String message(MessageSource messages, Locale locale, String specific, String shared) {
        String found = messages.getMessage(specific, null, null, locale);
        return found != null ? found : messages.getMessage(shared, null, null, locale);
    }

    /**
     * The labels the catalogue's forms need and the bundles lack, in either language ("nl field.quantity.help"):
     * empty when every kind, field, help text and enumeration value has words in Dutch and English.
     */
    public static List<String> missingLabels(Catalogue catalogue, MessageSource messages) {
        List<String> missing = new ArrayList<>();
        for (Locale locale : LocaleConfiguration.SUPPORTED) {
            String lang = locale.getLanguage() + " ";
            for (Kind kind : catalogue.kinds().values()) {
                if (messages.getMessage("entry." + kind.type(), null, null, locale) == null) {
                    missing.add(lang + "entry." + kind.type());
                }
                if (messages.getMessage("kind." + kind.wireName() + ".help", null, null, locale) == null) {
                    missing.add(lang + "kind." + kind.wireName() + ".help");
                }
                List<Field> fields = new ArrayList<>(kind.fields());
                kind.fields().forEach(f -> fields.addAll(f.items()));
                for (Field field : fields) {
                    if (label(messages, locale, kind.wireName(), field.name()) == null) {
                        missing.add(lang + "field." + field.name() + " (" + kind.wireName() + ")");
                    }
                    if (help(messages, locale, kind.wireName(), field.name()) == null) {
                        missing.add(lang + "field." + field.name() + ".help (" + kind.wireName() + ")");
                    }
                    for (String value : field.values()) {
                        if (enumValue(messages, locale, field.name(), value) == null) {
                            missing.add(lang + "enum." + value + " (" + kind.wireName() + "." + field.name() + ")");
                        }
                    }
                    missing.addAll(missingSteps(messages, locale, kind.wireName(), field));
                }
            }
            for (String group : catalogue.groups().keySet()) {
                if (messages.getMessage("group." + group, null, null, locale) == null) {
                    missing.add(lang + "group." + group);
                }
            }
        }
        return missing;
    }

    /**
     * The steps of a scale without words in {@code locale} where a step has words in either language: a scale is named
     * in full, or its field is typed as a number.
     */
    private static List<String> missingSteps(MessageSource messages, Locale locale, String kind, Field field) {
        if (field.type() != Type.INTEGER || !isShortScale(field)) {
            return List.of();
        }
        List<String> steps = new ArrayList<>();
        boolean named = false;
        for (int step = field.minimum().intValueExact(); step <= field.maximum().intValueExact(); step++) {
            String key = Integer.toString(step);
            for (Locale any : LocaleConfiguration.SUPPORTED) {
                named |= scaleStep(messages, any, kind, field.name(), key) != null;
            }
            if (scaleStep(messages, locale, kind, field.name(), key) == null) {
                steps.add(locale.getLanguage() + " scale." + field.name() + "." + key + " (" + kind + ")");
            }
        }
        return named ? steps : List.of();
    }

    private String label(String kind, Field field) {
        return Optional.ofNullable(label(words.messages(), words.locale(), kind, field.name())).orElse(field.name());
    }

    private String help(String kind, Field field) {
        return Optional.ofNullable(help(words.messages(), words.locale(), kind, field.name())).orElse("");
    }

    String enumWord(String field, String value) {
        return Optional.ofNullable(enumValue(words.messages(), words.locale(), field, value)).orElse(value);
    }

    // ---------------------------------------------------------------------------------------------------- views

    /** The controls of {@code kind}'s form, showing {@code form} (what was typed, or defaults) and {@code errors}. */
    List<FieldView> views(Kind kind, MultiValueMap<String, String> form, Map<String, String> errors) {
        return views(kind, "", form, errors);
    }

    /** The same for one entry of several on a page, whose field names start with {@code prefix} ("a0."). */
    List<FieldView> views(Kind kind, String prefix, MultiValueMap<String, String> form,
                                  Map<String, String> errors) {
        LocalDate date = date(form.getFirst(prefix + BUSINESS_DATE)).orElse(today);
        List<FieldView> views = new ArrayList<>();
        for (Field field : ordered(kind)) {
            views.add(view(kind, field, prefix, form, errors, date));
        }
        return views;
    }

    /** The business date first (it decides who can be chosen), then the entry's own fields, source and note last. */
    private static List<Field> ordered(Kind kind) {
        List<Field> fields = new ArrayList<>();
        kind.field(BUSINESS_DATE).ifPresent(fields::add);
        kind.fields().stream().filter(f -> !List.of(BUSINESS_DATE, "source", "note").contains(f.name()))
            .forEach(fields::add);
        kind.field("source").ifPresent(fields::add);
        kind.field("note").ifPresent(fields::add);
        return fields;
    }

    private FieldView view(Kind kind, Field field, String prefix, MultiValueMap<String, String> form,
                           Map<String, String> errors, LocalDate date) {
        String name = prefix + field.name();
        String id = "f-" + name.replace('.', '-');
        List<String> values = form.getOrDefault(name, List.of());
        String value = values.isEmpty() ? "" : values.get(0);
        String error = errors.get(name);
        boolean english = error != null && error.startsWith(ENGLISH);
        if (english) {
            error = error.substring(ENGLISH.length());
        }
        String label = label(kind.wireName(), field);
        String help = help(kind.wireName(), field);
        Picker picker = picker(field);
        List<Choice> choices = List.of();
        List<Choice> columns = List.of();
        List<FieldView> children = List.of();
        String control;
        String min = field.minimum() == null ? null : field.minimum().toPlainString();
        String max = field.maximum() == null ? null : field.maximum().toPlainString();
        String step = null;
        List<Choice> hidden = new ArrayList<>();
        switch (field.type()) {
            case DATE -> {
                control = "date";
                if (field.name().equals(BUSINESS_DATE)) {
                    max = today.toString();
                }
            }
            case INTEGER -> {
                List<Choice> steps = scale(kind.wireName(), field);
                if (picker == Picker.AMBITION && !sources.ambitionVersions(words).isEmpty()) {
                    control = "select";
                    choices = sources.ambitionVersions(words);
                } else if (!steps.isEmpty()) {
                    // A scale of named steps is picked by its words, not typed as a number.
                    control = "radios";
                    choices = new ArrayList<>();
                    if (!field.required()) {
                        choices.add(new Choice("", words.get("entries.none")));
                    }
                    choices.addAll(steps);
                } else {
                    control = "number";
                    step = "1";
                }
            }
            case NUMBER -> {
                control = "number";
                step = "any";
            }
            case BOOLEAN -> control = "checkbox";
            case ENUM -> {
                control = field.values().size() <= 3 ? "radios" : "select";
                choices = new ArrayList<>();
                if (control.equals("radios") && !field.required()) {
                    choices.add(new Choice("", words.get("entries.none")));
                }
                choices.addAll(field.values().stream().map(v -> new Choice(v, enumWord(field.name(), v))).toList());
            }
            case ENUM_SET -> {
                control = "checkboxes";
                choices = field.values().stream().map(v -> new Choice(v, enumWord(field.name(), v))).toList();
            }
            case UUID -> {
                control = "select";
                // an action often follows from an evaluation once it is closed: every evaluation, not only the open
                choices = picker == Picker.EVALUATION && kind.wireName().equals("improvement-action-agreed")
                        ? sources.evaluations(this, words) : choices(picker, date);
            }
            case UUID_LIST -> {
                control = "checkboxes";
                choices = choices(picker, date);
            }
            case TEXT_LIST, NUMBER_MAP -> control = "lines";
            case INTEGER_LIST -> control = "text";
            case OBJECT_LIST -> {
                Optional<Field> row = field.items().stream().filter(f -> f.type() == Type.UUID).findFirst();
                Optional<Field> column = field.items().stream().filter(f -> f.type() == Type.ENUM).findFirst();
                if (row.isPresent() && column.isPresent() && field.items().size() == 2) {
                    control = "grid";
                    choices = choices(picker(row.get()), date);
                    columns = column.get().values().stream()
                                    .map(v -> new Choice(v, enumWord(column.get().name(), v))).toList();
                } else {
                    control = "lines";
                }
            }
            case ENTRY -> {
                control = "entry";
                String targetId = form.getFirst(prefix + "targetEventId");
                Kind target = sources.targetKind(catalogue, targetId);
                if (target != null) {
                    children = views(target, name + ".", form, errors);
                    hidden.add(new Choice(name + ".entryType", target.wireName()));
                    hidden.add(new Choice(name + ".of", targetId));
                    String created = target.createdIdField() == null ? null
                            : form.getFirst(name + "." + target.createdIdField());
                    if (created != null) {
                        hidden.add(new Choice(name + "." + target.createdIdField(), created));
                    }
                    label = words.get("entries.replacement.of", words.orElse("entry." + target.type(), target.type()));
                }
            }
            default -> {
                // Text that names something (a person's reference, a logged entry's id) is picked, not typed.
                if (picker != Picker.NONE) {
                    control = "select";
                    choices = choices(picker, date);
                } else {
                    control = field.maxLength() != null && field.maxLength() > 200 ? "textarea" : "text";
                }
            }
        }
        // Nothing picked where the field offers choices: said as a choice to make, not as something to fill in.
        // and where several may be ticked (partners, who attended at which level): at least one ("Fill this in" beside
        // a grid of boxes read as a text to type)
        if (!english && words.get("entries.refusal.required").equals(error)) {
            if (control.equals("radios") || control.equals("select")) {
                error = words.get("entries.error.pick");
            } else if (control.equals("checkboxes") || control.equals("grid")) {
                error = words.get("entries.error.pickSome");
            }
        }
        // A value picked earlier that is no longer offered (a date changed) stays visible, so nothing is lost unseen.
        if ((control.equals("select") || control.equals("checkboxes")) && picker != Picker.NONE) {
            List<Choice> offered = new ArrayList<>(choices);
            for (String v : values) {
                if (!v.isBlank() && offered.stream().noneMatch(c -> c.value().equals(v))) {
                    offered.add(new Choice(v, sources.nameOf(v).orElse(words.get("entries.choice.unknown"))));
                }
            }
            choices = offered;
        }
        String empty = control.equals("select")
                ? words.orElse("field." + field.name() + ".none", field.required() ? words.get("entries.choose")
                : words.get("entries.none")) : null;
        // "(optional)", or when a field is needed in some cases only, which ("(for a rule of play)")
        String optional = field.required() ? null
                : words.orElse("field." + field.name() + ".optional", words.get("entries.optional"));
        return new FieldView(name, id, control, label, optional, help, field.required(), value, values, choices, empty,
                             min, max, step, field.maxLength(), error, english, columns, children, hidden);
    }

    /** The agreements still open, by title and date, for an outcome to be recorded on. */
    List<Choice> openAgreements() {
        return sources.openAgreements();
    }

    private List<Choice> choices(Picker picker, LocalDate date) {
        return switch (picker) {
            case PARTNER -> sources.activePartners(date);
            case AGREEMENT -> sources.openAgreements();
            case EVALUATION -> sources.openEvaluations(this);
            case CONFLICT -> sources.openConflicts();
            case COALITION -> sources.activeCoalitions();
            case CONTRIBUTION -> sources.contributions(this);
            case ACTION -> sources.openActions();
            case PERSON -> sources.people(this);
            case LOGGED_ENTRY -> briefly(sources.loggedEntries(words));
            default -> List.of();
        };
    }

    /**
     * The latest entries as a correction or a withdrawal offers them, each with what it says in short ("#50
     * Contribution recorded, 2026-12-05 · Aannemer · Money · €12,500", "… · as corrected by #61"): six "Representative appointed, 2025-09-04" in a row
     * left it to guesswork which one to withdraw.
     */
    private List<Choice> briefly(List<Choice> entries) {
        List<Choice> said = new ArrayList<>(entries.size());
        for (Choice entry : entries) {
            JsonNode logged = sources.target(entry.value());
            String brief = "";
            if (logged != null) {
                // as it counts now: an entry corrected before by its correction's values, and said to be corrected
                // (it stood as first logged, unmarked, beside its correction); three values, so that a contribution
                // shows its amount beside its partner and kind
                List<JsonNode> corrections = sources.corrections(entry.value());
                JsonNode counts = corrections.isEmpty() ? logged.path("payload")
                        : corrections.get(corrections.size() - 1).path("payload").path("replacement");
                List<String> values = logged(logged.path("type").asText(), counts).stream()
                        .map(Line::value).filter(v -> v != null && !v.isBlank()).limit(3).toList();
                brief = Sources.shorten(String.join(" \u00b7 ", values).replaceAll("\\s+", " "), 90);
                if (!corrections.isEmpty()) {
                    brief = brief + " \u00b7 " + words.get("entries.target.correctedBy", "#"
                            + corrections.get(corrections.size() - 1).path("sequenceNumber").asText());
                }
            }
            said.add(brief.isEmpty() ? entry : new Choice(entry.value(), entry.label() + " \u00b7 " + brief));
        }
        return said;
    }

    // -------------------------------------------------------------------------------------------- reading forms

    /** Marks an error message the service wrote in English, for a page in another language. */
    static final String ENGLISH = Refusals.ENGLISH;

    /**
     * The entry the form describes, as the API takes it; what cannot be sent at all is put into {@code errors} by
     * field name instead.
     */
    ObjectNode read(Kind kind, MultiValueMap<String, String> form, Map<String, String> errors) {
        return read(kind, "", form, errors);
    }

    /** The same for one entry of several on a page, whose field names start with {@code prefix} ("a0."). */
    ObjectNode read(Kind kind, String prefix, MultiValueMap<String, String> form, Map<String, String> errors) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (Field field : kind.fields()) {
            String name = prefix + field.name();
            List<String> values = form.getOrDefault(name, List.of()).stream().filter(v -> v != null && !showsNothing(v))
                                      .toList();
            String value = values.isEmpty() ? null : values.get(0).strip();
            switch (field.type()) {
                case BOOLEAN -> body.put(field.name(), "true".equals(value));
                case TEXT, UUID, ENUM -> {
                    if (value != null) {
                        body.put(field.name(), value);
                    }
                }
                case DATE -> {
                    if (value != null) {
                        Optional<LocalDate> typed = date(value);
                        if (typed.isPresent() && field.name().equals(BUSINESS_DATE) && typed.get().isAfter(today)) {
                            // said at once with what else is missing, as the service would say it once that is put
                            // right: a coordinator fixed one thing and met the next refusal
                            errors.put(name, words.get("entries.refusal.future", value, today.toString()));
                            // kept for the checks between fields (a due date before it), which are said at once too;
                            // a form with an error sends nothing
                            body.put(field.name(), value);
                        } else if (typed.isPresent()) {
                            body.put(field.name(), value);
                        } else {
                            errors.put(name, words.get("entries.error.date"));
                        }
                    }
                }
                case INTEGER -> {
                    if (value != null) {
                        try {
                            long whole = Long.parseLong(value);
                            body.put(field.name(), whole);
                            outside(field, BigDecimal.valueOf(whole)).ifPresent(problem -> errors.put(name, problem));
                        } catch (NumberFormatException e) {
                            errors.put(name, words.get("entries.error.integer"));
                        }
                    }
                }
                case NUMBER -> {
                    if (value != null) {
                        if (euros(field.name(), form.getFirst(prefix + "unit"))) {
                            // a sum in euros as it is written: with its sign ("€ 1.250,50", "EUR 300"), thousands
                            // apart by spaces ("1 250,50"), and a point or comma before three digits grouping them
                            // ("1.250" is a thousand and a quarter: money has no thousandths)
                            value = withoutThousandths(
                                    value.replaceAll("(?i)^([-+]?)[\\s\u00a0]*(?:\u20ac|EUR)[\\s\u00a0]*|[\\s\u00a0]*(?:\u20ac|EUR)$", "$1")
                                         .replaceAll("(?<=\\d)[\\s\u00a0\u202f](?=\\d{3}(?!\\d))", ""));
                        }
                        String problem = numberProblem(value);
                        if (problem == null) {
                            BigDecimal number = decimal(value);
                            body.put(field.name(), number);
                            outside(field, number).ifPresent(outside -> errors.put(name, outside));
                        } else {
                            errors.put(name, problem.equals(AMBIGUOUS) ? words.get("number.ambiguous", value)
                                    : words.get("entries.error.number"));
                        }
                    }
                }
                case ENUM_SET, UUID_LIST -> {
                    if (!values.isEmpty()) {
                        ArrayNode array = body.putArray(field.name());
                        values.forEach(array::add);
                    }
                }
                case TEXT_LIST -> {
                    List<String> lines = lines(value);
                    if (!lines.isEmpty()) {
                        ArrayNode array = body.putArray(field.name());
                        lines.forEach(array::add);
                    }
                }
                case INTEGER_LIST -> {
                    if (value != null) {
                        ArrayNode array = body.putArray(field.name());
                        for (String part : value.split("[\\s,;]+")) {
                            try {
                                array.add(Long.parseLong(part));
                            } catch (NumberFormatException e) {
                                errors.put(name, words.get("entries.error.integers"));
                            }
                        }
                    }
                }
                case NUMBER_MAP -> {
                    List<String> lines = lines(value);
                    if (!lines.isEmpty()) {
                        ObjectNode map = body.putObject(field.name());
                        for (String line : lines) {
                            String[] pair = line.split("[=:]", 2);
                            try {
                                map.put(pair[0].strip(), new BigDecimal(pair[1].strip().replace(',', '.')));
                            } catch (RuntimeException e) {
                                errors.put(name, words.get("entries.error.map"));
                            }
                        }
                    }
                }
                case OBJECT_LIST -> {
                    Optional<Field> row = field.items().stream().filter(f -> f.type() == Type.UUID).findFirst();
                    Optional<Field> column = field.items().stream().filter(f -> f.type() == Type.ENUM).findFirst();
                    if (!values.isEmpty() && row.isPresent() && column.isPresent()) {
                        ArrayNode array = body.putArray(field.name());
                        for (String cell : values) {
                            String[] parts = cell.split("\\|", 2);
                            if (parts.length == 2) {
                                array.addObject().put(row.get().name(), parts[0]).put(column.get().name(), parts[1]);
                            }
                        }
                    }
                }
                case ENTRY -> {
                    Kind target = catalogue.kind(form.getFirst(name + ".entryType") == null ? ""
                                                         : form.getFirst(name + ".entryType")).orElse(null);
                    if (target != null) {
                        ObjectNode replacement = JsonNodeFactory.instance.objectNode();
                        replacement.put("entryType", target.wireName());
                        String created = target.createdIdField();
                        if (created != null && form.getFirst(name + "." + created) != null) {
                            replacement.put(created, form.getFirst(name + "." + created));
                        }
                        replacement.setAll(read(target, name + ".", form, errors));
                        body.set(field.name(), replacement);
                    }
                }
            }
            boolean missing = !body.has(field.name()) && !errors.containsKey(name);
            if (field.required() && missing) {
                errors.put(name, field.type() == Type.ENTRY ? words.get("entries.error.target")
                        : words.get("entries.error.required"));
            }
        }
        betweenFields(kind, prefix, body, errors);
        return body;
    }

    /**
     * Rules of the service that weigh one field against another, said with what else is wrong rather than a round
     * later: a due date before the entry's own date, and a rule theme on an agreement that is no rule or missing on
     * one that is. (On the minutes the meeting was logged before its agreement was refused on its due date.) The
     * service checks them again; these only say them sooner.
     */
    private void betweenFields(Kind kind, String prefix, ObjectNode body, Map<String, String> errors) {
        Optional<LocalDate> on = date(body.path(BUSINESS_DATE).asText(""));
        Optional<LocalDate> due = date(body.path("dueOn").asText(""));
        if (on.isPresent() && due.isPresent() && due.get().isBefore(on.get())) {
            errors.putIfAbsent(prefix + "dueOn", words.get("entries.refusal.beforeEntryDate", on.get().toString()));
        }
        if (kind.wireName().equals("agreement-made") && body.has("kind")) {
            boolean rule = "rule".equals(body.path("kind").asText());
            if (rule && !body.has("ruleTheme")) {
                errors.putIfAbsent(prefix + "ruleTheme", words.get("refusal.ruleThemeRequired"));
            } else if (!rule && body.has("ruleTheme")) {
                errors.putIfAbsent(prefix + "ruleTheme", words.get("refusal.ruleThemeOnly"));
            }
        }
    }

    /**
     * What to say above a correction of an entry corrected before ("corrected before by #59 (2026-12-05): the form
     * shows its values as corrected then"), or null.
     */
    String correctedBefore(Kind kind, MultiValueMap<String, String> form) {
        String targetId = form.getFirst("targetEventId");
        if (targetId == null || targetId.isBlank() || kind.fields().stream().noneMatch(f -> f.type() == Type.ENTRY)) {
            return null;
        }
        List<JsonNode> corrections = sources.corrections(targetId);
        if (corrections.isEmpty()) {
            return null;
        }
        List<String> named = corrections.stream().map(c -> "#" + c.path("sequenceNumber").asText() + " ("
                + c.path("occurredOn").asText() + ")").toList();
        return words.get("entries.target.correctedBefore", String.join(", ", named), corrections.size(),
                         "#" + corrections.get(corrections.size() - 1).path("sequenceNumber").asText());
    }

    /**
     * Whether a correction's form holds another entry's values than the entry picked to correct: the picked entry was
     * changed after the form showed the one before it (or before the form showed any).
     */
    static boolean targetMoved(Kind kind, MultiValueMap<String, String> form) {
        String targetId = form.getFirst("targetEventId");
        return targetId != null && !targetId.isBlank() && kind.fields().stream()
                .anyMatch(field -> field.type() == Type.ENTRY && !targetId.equals(form.getFirst(field.name() + ".of")));
    }

    /**
     * When the entry a correction points at was chosen or changed, its replacement starts as a copy of it: the
     * coordinator changes only what was wrong. Values typed for the same entry stay as typed.
     */
    void followTarget(Kind kind, MultiValueMap<String, String> form) {
        for (Field field : kind.fields()) {
            if (field.type() != Type.ENTRY) {
                continue;
            }
            String prefix = field.name() + ".";
            String targetId = form.getFirst("targetEventId");
            if (targetId == null || targetId.equals(form.getFirst(prefix + "of"))) {
                continue;
            }
            form.keySet().removeIf(key -> key.startsWith(prefix));
            JsonNode entry = sources.target(targetId);
            Kind target = entry == null ? null : catalogue.byType(entry.path("type").asText());
            if (target != null) {
                // an entry corrected before starts from its values as corrected last: from the values first logged,
                // a second correction (a reference added to the note) silently undid the first
                List<JsonNode> corrections = sources.corrections(targetId);
                JsonNode payload = corrections.isEmpty() ? entry.path("payload")
                        : corrections.get(corrections.size() - 1).path("payload").path("replacement");
                fill(form, prefix, target, payload, words.locale());
                if (form.getFirst(prefix + BUSINESS_DATE) == null) {
                    form.set(prefix + BUSINESS_DATE, entry.path("occurredOn").asText());
                }
                form.set(prefix + "of", targetId);
            }
        }
    }

    /**
     * The form's values for an entry logged before (the one a correction replaces), under {@code prefix}; a decimal
     * as the page's language writes it, without grouping ("250,25" on a Dutch page, where "250.25" stood beside
     * "€ 250,25" everywhere else, and "1.125" read there as a thousand and more).
     */
    static void fill(MultiValueMap<String, String> form, String prefix, Kind kind, JsonNode payload, Locale locale) {
        for (Field field : kind.fields()) {
            JsonNode value = payload.path(field.name());
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            String name = prefix + field.name();
            switch (field.type()) {
                case ENUM_SET, UUID_LIST -> value.forEach(v -> form.add(name, v.asText()));
                case TEXT_LIST -> form.add(name, String.join("\n", texts(value)));
                case INTEGER_LIST -> form.add(name, String.join(" ", texts(value)));
                case NUMBER_MAP -> {
                    List<String> lines = new ArrayList<>();
                    value.fields().forEachRemaining(e -> lines.add(e.getKey() + " = " + e.getValue().asText()));
                    form.add(name, String.join("\n", lines));
                }
                case OBJECT_LIST -> {
                    Optional<Field> row = field.items().stream().filter(f -> f.type() == Type.UUID).findFirst();
                    Optional<Field> column = field.items().stream().filter(f -> f.type() == Type.ENUM).findFirst();
                    if (row.isPresent() && column.isPresent()) {
                        value.forEach(v -> form.add(name, v.path(row.get().name()).asText() + "|"
                                + v.path(column.get().name()).asText()));
                    }
                }
                case BOOLEAN -> {
                    if (value.asBoolean()) {
                        form.add(name, "true");
                    }
                }
                case ENTRY -> {
                }
                case NUMBER -> form.add(name, !value.isNumber() ? value.asText()
                        : written(euros(field.name(), payload.path("unit").asText(null))
                                  && value.decimalValue().stripTrailingZeros().scale() > 0
                                  ? value.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP)
                                  : value.decimalValue().stripTrailingZeros(), locale));
                default -> form.add(name, value.asText());
            }
        }
        if (kind.createdIdField() != null && payload.hasNonNull(kind.createdIdField())) {
            form.set(prefix + kind.createdIdField(), payload.get(kind.createdIdField()).asText());
        }
    }

    /** A decimal as a person writes it in {@code locale}, without grouping: 250,25 in Dutch, 250.25 in English. */
    static String written(BigDecimal number, Locale locale) {
        String plain = number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
        return "nl".equals(locale.getLanguage()) ? plain.replace('.', ',') : plain;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /**
     * Whether a field's text shows as nothing, so the field counts as left empty (as the service counts such text as
     * blank): white space and spaces of every kind (a no-break space too), and invisible characters (format
     * characters such as a zero-width space, the Hangul fillers, the braille blank).
     */
    static boolean showsNothing(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT || c == 0x115F || c == 0x1160 || c == 0x3164
                || c == 0xFFA0 || c == 0x2800 || c >= 0xFE00 && c <= 0xFE0F || c == 0x16FE4);
    }

    /**
     * A number below the field's least or above its greatest value, said as the service would say it once the form's
     * other mistakes were put right: said with them, a number that was no number and another below zero took two
     * rounds to hear of.
     */
    private Optional<String> outside(Field field, BigDecimal number) {
        if (field.minimum() != null && number.compareTo(field.minimum()) < 0) {
            return Optional.of(words.get("entries.refusal.min", words.number(field.minimum().doubleValue(),
                                                                            Math.max(0, field.minimum().stripTrailingZeros().scale()))));
        }
        if (field.maximum() != null && number.compareTo(field.maximum()) > 0) {
            return Optional.of(words.get("entries.refusal.max", words.number(field.maximum().doubleValue(),
                                                                            Math.max(0, field.maximum().stripTrailingZeros().scale()))));
        }
        return Optional.empty();
    }

    /**
     * Whether the field {@code name} of an entry whose unit is {@code unit} (null without one) holds a sum of money:
     * the estimated value, or a quantity in EUR.
     */
    static boolean euros(String name, String unit) {
        return name.equals("estimatedValueEur") || name.equals("quantity") && "EUR".equals(unit);
    }

    /**
     * {@code typed} as a number that cannot hold thousandths (a sum in euros, a whole number of days): where it reads
     * two ways ("1.250"), its point or comma groups thousands; otherwise as typed.
     */
    static String withoutThousandths(String typed) {
        return AMBIGUOUS.equals(numberProblem(typed)) ? typed.replaceAll("[.,]", "") : typed;
    }

    /** What {@link #numberProblem} answers for a number that reads two ways. */
    static final String AMBIGUOUS = "ambiguous";

    /**
     * Why {@code typed} is not a number a form takes, or null: only a plain decimal number is one, with a point or a
     * comma ("30d", "1e3", "NaN" and "Infinity" are read by Java's parsers), and not one that reads as a whole number
     * to a Dutch reader and a fraction to an English one ("1.000", "2,500": {@link #AMBIGUOUS}).
     */
    static String numberProblem(String typed) {
        String plain = typed.strip();
        if (plain.matches(GROUPED_POINTS) || plain.matches(GROUPED_COMMAS)) {
            return null;
        }
        if (!plain.matches("[-+]?(\\d+([.,]\\d*)?|[.,]\\d+)")) {
            return "number";
        }
        return plain.matches("[-+]?[1-9]\\d{0,2}[.,]\\d{3}") ? AMBIGUOUS : null;
    }

    /**
     * A number with points between its thousands, as Dutch writes it, that reads one way only: with a decimal comma
     * ("1.250,50") or more than one group ("2.000.000"). The English way, with commas, likewise ("1,250.50").
     */
    private static final String GROUPED_POINTS = "[-+]?[1-9]\\d{0,2}(\\.\\d{3})+,\\d+|[-+]?[1-9]\\d{0,2}(\\.\\d{3}){2,}";
    private static final String GROUPED_COMMAS = "[-+]?[1-9]\\d{0,2}(,\\d{3})+\\.\\d+|[-+]?[1-9]\\d{0,2}(,\\d{3}){2,}";

    /** The number {@code typed}, for which {@link #numberProblem} found none. */
    static BigDecimal decimal(String typed) {
        String plain = typed.strip();
        if (plain.matches(GROUPED_POINTS)) {
            return new BigDecimal(plain.replace(".", "").replace(',', '.'));
        }
        if (plain.matches(GROUPED_COMMAS)) {
            return new BigDecimal(plain.replace(",", ""));
        }
        return new BigDecimal(plain.replace(',', '.'));
    }

    static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // --------------------------------------------------------------------------------------- service refusals

    /**
     * Puts the service's field errors beside the fields they name: {@code attendance[0].level} belongs to
     * {@code attendance}, {@code replacement.level} to the replacement's level. Answers what names no field of the
     * form, for the summary at the top.
     */
    List<String> place(Kind kind, Map<String, String> refused, Map<String, String> errors) {
        List<String> general = new ArrayList<>();
        List<String> names = names(kind, "");
        refused.forEach((field, message) -> {
            String text = refusal(message);
            String target = null;
            String candidate = field;
            while (candidate != null && !candidate.isEmpty()) {
                if (names.contains(candidate)) {
                    target = candidate;
                    break;
                }
                int cut = Math.max(candidate.lastIndexOf('['), candidate.lastIndexOf('.'));
                candidate = cut > 0 ? candidate.substring(0, cut) : null;
            }
            if (target != null) {
                errors.merge(target, text, (a, b) -> a + "; " + b);
            } else {
                general.add((field.isEmpty() ? "" : field + ": ") + text.replace(ENGLISH, ""));
            }
        });
        return general;
    }

    /** Every field name of the kind's form, with the fields of a correction's replacement under its name. */
    private List<String> names(Kind kind, String prefix) {
        List<String> names = new ArrayList<>();
        for (Field field : kind.fields()) {
            names.add(prefix + field.name());
            if (field.type() == Type.ENTRY) {
                catalogue.kinds().values().forEach(k -> k.fields().forEach(
                        f -> names.add(prefix + field.name() + "." + f.name())));
            }
        }
        return names;
    }

    /** The service's message in the reader's words where the bundles know it; else as written, marked English. */
    String refusal(String message) {
        return Refusals.say(words, message);
    }

    // --------------------------------------------------------------------------------------- what was logged

    /** The entry in words: each field that holds something, with names for ids and words for enumerations. */
    List<Line> summary(Kind kind, JsonNode body) {
        List<Line> lines = new ArrayList<>();
        for (Field field : kind.fields()) {
            // People and logged entries are read only when a form names them.
            if (picker(field) == Picker.PERSON) {
                sources.people(this);
            } else if (picker(field) == Picker.LOGGED_ENTRY) {
                sources.loggedEntries(words);
            } else if (picker(field) == Picker.CONTRIBUTION) {
                sources.contributions(this);
            }
        }
        for (Field field : ordered(kind)) {
            JsonNode value = body.path(field.name());
            // an empty list or text holds nothing to read: "Motives" with nothing after it reads as a gap
            if (value.isMissingNode() || value.isNull() || field.name().equals(BUSINESS_DATE)
                    || value.isContainerNode() && value.isEmpty() || value.isTextual() && value.asText().isBlank()) {
                continue;
            }
            String shown = switch (field.type()) {
                case BOOLEAN -> words.get(value.asBoolean() ? "entries.yes" : "entries.no");
                case ENUM -> enumWord(field.name(), value.asText());
                case ENUM_SET -> join(value, v -> enumWord(field.name(), v.asText()));
                case UUID -> sources.nameOf(value.asText()).orElse(value.asText());
                case UUID_LIST -> join(value, v -> sources.nameOf(v.asText()).orElse(v.asText()));
                case INTEGER -> picker(field) == Picker.AMBITION
                        ? words.get("entries.ambition.version", value.asText())
                        : scale(kind.wireName(), field).stream().filter(c -> c.value().equals(value.asText()))
                                                       .map(Choice::label).findFirst().orElse(value.asText());
                case NUMBER -> euros(field.name(), body.path("unit").asText(null)) ? words.money(value.decimalValue())
                        : words.number(value.asDouble(), 2);
                case OBJECT_LIST -> join(value, v -> {
                    List<String> parts = new ArrayList<>();
                    v.fields().forEachRemaining(e -> parts.add(
                            sources.nameOf(e.getValue().asText()).orElse(enumWord(e.getKey(), e.getValue().asText()))));
                    // "Gemeente Zuid (Board)": a name and its level joined by a comma read as two names
                    return parts.size() < 2 ? String.join("", parts)
                            : parts.get(0) + " (" + String.join(", ", parts.subList(1, parts.size())) + ")";
                });
                case ENTRY -> {
                    Kind target = catalogue.kind(value.path("entryType").asText()).orElse(null);
                    if (target == null) {
                        yield "";
                    }
                    List<String> parts = new ArrayList<>();
                    target.field(BUSINESS_DATE).filter(f -> value.hasNonNull(BUSINESS_DATE)).ifPresent(
                            f -> parts.add(label(target.wireName(), f) + ": " + value.get(BUSINESS_DATE).asText()));
                    summary(target, value).forEach(l -> parts.add(l.label() + ": " + l.value()));
                    yield EntryKinds.label(words, target.type()) + " \u2014 " + String.join("; ", parts);
                }
                case NUMBER_MAP -> {
                    List<String> parts = new ArrayList<>();
                    value.fields().forEachRemaining(e -> parts.add(e.getKey() + " = " + e.getValue().asText()));
                    yield String.join("; ", parts);
                }
                case TEXT_LIST, INTEGER_LIST -> join(value, JsonNode::asText);
                default -> picker(field) != Picker.NONE
                        ? sources.nameOf(value.asText()).orElse(value.asText()) : value.asText();
            };
            lines.add(new Line(label(kind.wireName(), field), shown));
        }
        return lines;
    }

    /**
     * A logged entry in words, as the log shows it: as {@link #summary} reads the body of a form, for the kind the
     * entry's type names, without the entry a correction points at (the log names it by number and kind already).
     * The founding, which no form logs, is read field by field, its date left out as the summary leaves it out.
     */
    List<Line> logged(String type, JsonNode payload) {
        Kind kind = catalogue.byType(type);
        if (kind != null) {
            com.fasterxml.jackson.databind.node.ObjectNode body = payload.deepCopy();
            body.remove("targetEventId");
            return summary(kind, body);
        }
        String wireName = EntryKinds.wireName(type);
        List<Line> lines = new ArrayList<>();
        payload.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull() || value.isContainerNode() || name.equals("networkId") || name.endsWith("On")) {
                return;
            }
            String text = value.asText();
            lines.add(new Line(Optional.ofNullable(label(words.messages(), words.locale(), wireName, name)).orElse(name),
                               Optional.ofNullable(enumValue(words.messages(), words.locale(), name, text)).orElse(text)));
        });
        return lines;
    }

    private static String join(JsonNode array, Function<JsonNode, String> word) {
        List<String> parts = new ArrayList<>();
        array.forEach(v -> parts.add(word.apply(v)));
        return String.join("; ", parts);
    }

    // ------------------------------------------------------------------------------------------------ sources

    /**
     * What the pickers offer, read from the query-service once per page: the network's facts (partners with the
     * dates they joined and withdrew, agreements, evaluations, conflicts, sub-coalitions, contributions, actions,
     * ambition versions), the people directory, and the latest entries of the log for a correction to point at.
     */
    static final class Sources {
        private final JsonNode facts;
        private final Function<Void, JsonNode> peopleLoader;
        private final Function<Void, JsonNode> logLoader;
        private JsonNode people;
        private JsonNode log;
        private final Map<String, String> names = new LinkedHashMap<>();
        /** The partners with who represents them ({@code /partners}), and the roles with who holds them ({@code /roles}). */
        private final Function<Void, JsonNode> partnersLoader;
        private final Function<Void, JsonNode> rolesLoader;

        Sources(JsonNode facts, Function<Void, JsonNode> people, Function<Void, JsonNode> log) {
            this(facts, people, log, none -> null, none -> null);
        }

        /**
         * With who is in post and who holds a role, by reference: a person the log names but the people directory
         * does not (an imported history, or one whose name was never added) can still be picked, to log their
         * departure or the end of their role.
         */
        Sources(JsonNode facts, Function<Void, JsonNode> people, Function<Void, JsonNode> log,
                Function<Void, JsonNode> partners, Function<Void, JsonNode> roles) {
            this.facts = facts;
            this.peopleLoader = people;
            this.logLoader = log;
            this.partnersLoader = partners;
            this.rolesLoader = roles;
            facts.path("partners").forEach(p -> names.put(p.path("partnerId").asText(), p.path("name").asText()));
            facts.path("agreements").forEach(a -> names.put(a.path("agreementId").asText(), a.path("title").asText()));
            facts.path("evaluations").forEach(e -> names.put(e.path("evaluationId").asText(), e.path("title").asText()));
            facts.path("conflicts").forEach(c -> names.put(c.path("conflictId").asText(), c.path("issue").asText()));
            facts.path("subCoalitions").forEach(s -> names.put(s.path("coalitionId").asText(), s.path("name").asText()));
            facts.path("improvementActions").forEach(a -> names.put(a.path("actionId").asText(), a.path("title").asText()));
        }

        /**
         * Names {@code id} where the network's facts do not yet: a partner or an agreement that a file to import
         * creates on one row and names on a later one.
         */
        void name(String id, String name) {
            names.putIfAbsent(id, name);
        }

        Optional<String> nameOf(String id) {
            return Optional.ofNullable(names.get(id));
        }

        List<Choice> activePartners(LocalDate date) {
            List<Choice> choices = new ArrayList<>();
            for (JsonNode p : facts.path("partners")) {
                LocalDate joined = date(p.path("joinedOn").asText(null)).orElse(LocalDate.MIN);
                Optional<LocalDate> withdrawn = date(p.path("withdrawnOn").asText(null));
                if (!joined.isAfter(date) && withdrawn.map(date::isBefore).orElse(true)) {
                    choices.add(new Choice(p.path("partnerId").asText(), p.path("name").asText()));
                }
            }
            choices.sort(java.util.Comparator.comparing(Choice::label, NameOrder.NAMES));
            return choices;
        }

        List<Choice> openAgreements() {
            List<Choice> open = new ArrayList<>();
            for (JsonNode a : facts.path("agreements")) {
                if (a.path("open").asBoolean()) {
                    List<String> parties = new ArrayList<>();
                    a.path("partyIds").forEach(id -> parties.add(id.asText()));
                    open.add(new Choice(a.path("agreementId").asText(), a.path("title").asText() + " ("
                            + a.path("madeOn").asText()
                            + (a.hasNonNull("dueOn") ? " \u2192 " + a.path("dueOn").asText() : "") + ")",
                                        parties.isEmpty() ? null : String.join(" ", parties)));
                }
            }
            return open;
        }

        List<Choice> openEvaluations(EntryForms forms) {
            return list(facts.path("evaluations"), e -> e.path("open").asBoolean(), "evaluationId",
                        e -> evaluation(e, forms, ""));
        }

        /** Every evaluation, the open ones first, a closed one saying since when. */
        List<Choice> evaluations(EntryForms forms, Words words) {
            List<Choice> all = new ArrayList<>(openEvaluations(forms));
            all.addAll(list(facts.path("evaluations"), e -> !e.path("open").asBoolean(), "evaluationId", e -> evaluation(
                    e, forms, ", " + words.get("entries.evaluation.closedOn", e.path("closedOn").asText()))));
            return all;
        }

        /** An evaluation as a picker names it: its title, then its instrument and {@code more} between brackets. */
        private static String evaluation(JsonNode e, EntryForms forms, String more) {
            return e.path("title").asText() + " (" + forms.enumWord("instrument", e.path("instrument").asText()) + more
                    + ")";
        }

        List<Choice> openConflicts() {
            return list(facts.path("conflicts"), c -> c.path("open").asBoolean(), "conflictId",
                        c -> c.path("issue").asText() + " (" + c.path("registeredOn").asText() + ")");
        }

        List<Choice> activeCoalitions() {
            return list(facts.path("subCoalitions"), s -> s.path("active").asBoolean(), "coalitionId",
                        s -> s.path("name").asText());
        }

        List<Choice> openActions() {
            return list(facts.path("improvementActions"), a -> !a.path("completed").asBoolean(), "actionId",
                        a -> a.path("title").asText() + " (" + a.path("dueOn").asText() + ")");
        }

        /** The contributions not withdrawn; every contribution is named by the same words wherever it is shown. */
        /**
         * A contribution as a list names it: who gives how much of what, its status and the date {@code on}; a sum in
         * euros as money and a quantity as the reader writes numbers ("187500.5 Euros" read as another sum in Dutch).
         */
        String contribution(EntryForms forms, JsonNode c, String on) {
            String unit = c.path("unit").asText();
            String amount;
            try {
                java.math.BigDecimal quantity = new java.math.BigDecimal(c.path("quantity").asText());
                amount = euros("quantity", unit) ? forms.words.money(quantity)
                        : forms.words.number(quantity.doubleValue(), 2) + " " + forms.enumWord("unit", unit);
            } catch (NumberFormatException notANumber) {
                amount = c.path("quantity").asText() + " " + forms.enumWord("unit", unit);
            }
            return names.getOrDefault(c.path("fromPartnerId").asText(), "?") + ": " + amount
                    + ", " + forms.enumWord("kind", c.path("kind").asText()) + " ("
                    + forms.enumWord("status", c.path("status").asText()) + ", " + on + ")";
        }

        List<Choice> contributions(EntryForms forms) {
            Function<JsonNode, String> label = c -> contribution(forms, c, c.path("recordedOn").asText());
            facts.path("contributions").forEach(c -> names.putIfAbsent(c.path("contributionId").asText(), label.apply(c)));
            return list(facts.path("contributions"), c -> !"withdrawn".equals(c.path("status").asText()),
                        "contributionId", label);
        }

        List<Choice> ambitionVersions(Words words) {
            List<Choice> choices = new ArrayList<>();
            for (JsonNode v : facts.path("ambition").path("versions")) {
                String statement = v.path("statement").asText("");
                choices.add(new Choice(v.path("version").asText(), words.get("entries.ambition.version",
                        v.path("version").asText()) + ": " + shorten(statement, 80)));
            }
            return choices;
        }

        /**
         * The people to pick from: those in the directory, each with the posts and roles they hold, then those the log
         * has in a post or a role without a name in the directory, by their reference.
         */
        List<Choice> people(EntryForms forms) {
            if (people == null) {
                people = peopleLoader.apply(null);
                people.forEach(p -> names.put(p.path("personRef").asText(), p.path("displayName").asText(
                        p.path("name").asText())));
            }
            Map<String, List<String>> posts = posts(forms);
            Map<String, String> at = postsAt(partnersLoader.apply(null));
            List<Choice> choices = new ArrayList<>();
            java.util.Set<String> known = new java.util.HashSet<>();
            for (JsonNode p : people) {
                String ref = p.path("personRef").asText();
                known.add(ref);
                if (!p.path("erased").asBoolean()) {
                    List<String> held = posts.getOrDefault(ref, List.of());
                    choices.add(new Choice(ref, p.path("name").asText()
                            + (held.isEmpty() ? "" : " (" + String.join("; ", held) + ")"), at.get(ref)));
                }
            }
            choices.sort(java.util.Comparator.comparing(Choice::label, NameOrder.NAMES));
            List<Choice> unnamed = new ArrayList<>();
            posts.forEach((ref, held) -> {
                if (!known.contains(ref)) {
                    String label = forms.words.get("entries.person.unnamed", ref, String.join("; ", held));
                    names.putIfAbsent(ref, label);
                    unnamed.add(new Choice(ref, label, at.get(ref)));
                }
            });
            unnamed.sort(java.util.Comparator.comparing(Choice::label));
            choices.addAll(unnamed);
            return choices;
        }

        /** Each person representing a partner now, by reference: "partnerId:level" for each post, apart by spaces. */
        static Map<String, String> postsAt(JsonNode partners) {
            Map<String, String> at = new LinkedHashMap<>();
            if (partners != null) {
                for (JsonNode partner : partners) {
                    for (JsonNode atLevel : partner.path("representatives")) {
                        for (JsonNode r : atLevel.path("current")) {
                            if (r.hasNonNull("personRef")) {
                                at.merge(r.path("personRef").asText(), partner.path("partnerId").asText() + ":"
                                        + atLevel.path("level").asText(), (a, b) -> a + " " + b);
                            }
                        }
                    }
                }
            }
            return at;
        }

        /** Each person in a post or a role now, with what they hold ("Ziekenhuis Noord, board"), in the log's order. */
        private Map<String, List<String>> posts(EntryForms forms) {
            return posts(partnersLoader.apply(null), rolesLoader.apply(null), forms::enumWord, forms.words.locale());
        }

        /**
         * Each person in a post or a role now, by reference, with what they hold ("Ziekenhuis Noord, board"; "chair"),
         * from the network's {@code partners} with their representatives and its {@code roles} (either may be null),
         * choices named by {@code word} (a field and a code).
         */
        static Map<String, List<String>> posts(JsonNode partners, JsonNode roles,
                                               java.util.function.BinaryOperator<String> word, Locale locale) {
            Map<String, List<String>> posts = new LinkedHashMap<>();
            if (partners != null) {
                for (JsonNode partner : partners) {
                    for (JsonNode atLevel : partner.path("representatives")) {
                        String level = word.apply("level", atLevel.path("level").asText()).toLowerCase(locale);
                        for (JsonNode r : atLevel.path("current")) {
                            if (r.hasNonNull("personRef")) {
                                posts.computeIfAbsent(r.path("personRef").asText(), ref -> new ArrayList<>())
                                     .add(partner.path("name").asText() + ", " + level);
                            }
                        }
                    }
                }
            }
            if (roles != null) {
                for (JsonNode role : roles.path("active")) {
                    if (role.hasNonNull("personRef")) {
                        posts.computeIfAbsent(role.path("personRef").asText(), ref -> new ArrayList<>())
                             .add(word.apply("role", role.path("role").asText()).toLowerCase(locale));
                    }
                }
            }
            return posts;
        }

        /** The latest entries of the log, newest first, named by number, kind and date. */
        List<Choice> loggedEntries(Words words) {
            JsonNode entries = log();
            List<Choice> choices = new ArrayList<>();
            for (JsonNode e : entries) {
                String label = "#" + e.path("sequenceNumber").asText() + " " + EntryKinds.label(words, e.path("type").asText())
                        + ", " + e.path("occurredOn").asText();
                names.put(e.path("eventId").asText(), label);
                choices.add(0, new Choice(e.path("eventId").asText(), label));
            }
            return choices;
        }

        private JsonNode log() {
            if (log == null) {
                log = logLoader.apply(null);
            }
            return log;
        }

        /** The kind of the logged entry {@code eventId}, and its payload, for the replacement in a correction. */
        Kind targetKind(Catalogue catalogue, String eventId) {
            JsonNode entry = target(eventId);
            return entry == null ? null : catalogue.byType(entry.path("type").asText());
        }

        /** The corrections of the entry {@code eventId} in the latest entries of the log, in the order logged. */
        List<JsonNode> corrections(String eventId) {
            List<JsonNode> corrections = new ArrayList<>();
            if (eventId != null) {
                for (JsonNode e : log()) {
                    if ("EntryCorrected".equals(e.path("type").asText())
                            && eventId.equals(e.path("payload").path("targetEventId").asText())) {
                        corrections.add(e);
                    }
                }
            }
            return corrections;
        }

        JsonNode target(String eventId) {
            if (eventId == null || eventId.isBlank()) {
                return null;
            }
            for (JsonNode e : log()) {
                if (e.path("eventId").asText().equals(eventId)) {
                    return e;
                }
            }
            return null;
        }

        private List<Choice> list(JsonNode items, java.util.function.Predicate<JsonNode> keep, String idField,
                                  Function<JsonNode, String> label) {
            List<Choice> choices = new ArrayList<>();
            items.forEach(item -> {
                if (keep.test(item)) {
                    choices.add(new Choice(item.path(idField).asText(), label.apply(item)));
                }
            });
            return choices;
        }

        static String shorten(String text, int length) {
            return text.length() <= length ? text : text.substring(0, length - 1) + "\u2026";
        }
    }

    static LinkedMultiValueMap<String, String> copy(MultiValueMap<String, String> form) {
        LinkedMultiValueMap<String, String> copy = new LinkedMultiValueMap<>();
        form.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }

    static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}

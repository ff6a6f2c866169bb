package nl.samenspel.web.pages;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services' refusals in the reader's words. The API states them in English, for every client alike; a message
 * whose form the bundles know is said in the page's language, keeping what it names (numbers, dates, names, ids). Any
 * other is kept as written and marked as English ({@link #ENGLISH}), so a page can mark it up in its language and say
 * that the service gave it so.
 */
final class Refusals {
    /** Starts a message kept in English; a page takes it off before showing the message. */
    static final String ENGLISH = "\u0000en:";

    /** Bean Validation's and the rules' words for a value left out. */
    private static final String REQUIRED = "must not be (?:blank|null|empty)|is required";
    private static final Pattern REQUIRED_PATTERN = Pattern.compile(REQUIRED);

    private static final List<Map.Entry<Pattern, String>> KNOWN = List.of(
            known(REQUIRED, "entries.refusal.required"),
            known("must be less than or equal to (\\S+)", "entries.refusal.max"),
            known("must be greater than or equal to (\\S+)", "entries.refusal.min"),
            known("must be greater than (\\S+)", "refusal.greater"),
            // a text's length (every @Size with only a maximum is on a text), a list's least or exact number
            known("size must be between 0 and (\\d+)", "entries.refusal.sizeMax"),
            known("size must be between (\\d+) and 2147483647", "entries.refusal.sizeMin"),
            known("size must be between (\\d+) and \\1", "entries.refusal.sizeExactly"),
            known("size must be between (\\d+) and (\\d+)", "entries.refusal.size"),
            known("must be between (\\S+) and (\\S+)", "refusal.between"),
            known("must be at most (\\d+) characters \\(was (\\d+)\\)", "refusal.length"),
            known("lies in the future \\((\\S+) is after (\\S+)\\)", "entries.refusal.future"),
            known("lies before the network was founded on (\\S+)", "entries.refusal.beforeFounding"),
            known("lies before the partner joined on (\\S+)", "entries.refusal.beforeJoined"),
            known("lies before the entry's date (\\S+) \\(occurredOn\\)", "entries.refusal.beforeEntryDate"),
            known("lies more than (\\d+) years after the entry's date \\(was (\\S+)\\)", "refusal.dueTooFar"),
            known("lies before the representative was appointed on (\\S+)", "refusal.beforeAppointed"),
            known("lies before the role was assigned on (\\S+)", "refusal.beforeAssigned"),
            known("lies before the improvement action was agreed on (\\S+)", "refusal.beforeAgreed"),
            known("lies before the evaluation was opened on (\\S+)", "refusal.beforeOpened"),
            known("lies before the conflict was registered on (\\S+)", "refusal.beforeRegistered"),
            known("lies before the agreement was made on (\\S+)", "refusal.beforeAgreementMade"),
            known("lies before the contribution was recorded on (\\S+)", "refusal.beforeContribution"),
            known("lies before the entry it (?:corrects|retracts), dated (\\S+)", "refusal.beforeTarget"),
            known("lies after the network's earliest entry, dated (\\S+); the founding comes first", "refusal.foundingAfterEntries"),
            known("lies before the corrected founding date (\\S+)", "refusal.beforeCorrectedFounding"),
            known("another entry rests on it: the (\\S+) of (\\S+) \\((.*)\\); correct or retract that entry first",
                  "refusal.restsOnIt"),
            known("lies before what another entry says of it: the (\\S+) of (\\S+) \\((.*)\\); date it after that entry, or "
                  + "correct that entry first", "refusal.endBeforeLater"),
            known("lies before (\\S+), the earliest date taken \\(was (\\S+)\\)", "refusal.beforeEarliest"),
            known("is required: the kind of entry", "refusal.kindRequired"),
            known("is not a valid UUID", "refusal.uuid"),
            known("is not a valid date \\(YYYY-MM-DD\\)", "refusal.date"),
            known("is not a valid whole number", "refusal.wholeNumber"),
            known("is not a valid (?:number|bigdecimal)", "refusal.number"),
            known("is not a valid text", "refusal.text"),
            known("is required: the kind of the entry", "refusal.kindRequired"),
            known("is not a kind of entry: (.+)", "refusal.notAKind"),
            known("must have at most (\\d+) digits before the decimal point and (\\d+) after", "refusal.digits"),
            known("numeric value out of bounds \\(<(\\d+) digits>\\.<(\\d+) digits> expected\\)", "refusal.digits"),
            known("is not a valid boolean", "refusal.boolean"),
            known("is not a valid list", "refusal.list"),
            known("is not a valid object", "refusal.object"),
            known("is not a valid choice; one of: (.+)", "refusal.oneOf"),
            known("must be one of: (.+)", "refusal.oneOf"),
            known("is not a field here; the fields are: (.+)", "refusal.unknownField"),
            known("is given more than once", "refusal.twice"),
            known("is named twice in the header row", "refusal.columnTwice"),
            known("is not a field of any kind of entry", "refusal.noSuchColumn"),
            known("is not a field of any kind of entry; did you mean (\\S+)\\?", "refusal.noSuchColumnNear"),
            known("is not a field of (\\S+); leave this cell empty", "refusal.notAFieldOf"),
            known("must be written as (\\S+)", "refusal.writtenAs"),
            known("holds an unpaired UTF-16 surrogate \\((\\S+) at character (\\d+)\\).*", "refusal.surrogate"),
            known("holds a control character; free text may hold only tab and line breaks of them \\((\\S+) at character (\\d+)\\)",
                  "refusal.control"),
            known("holds a control character or line break; a name or title is one line of text \\((\\S+) at character (\\d+)\\)",
                  "refusal.controlInName"),
            known("holds a bidirectional control character, which makes a name read differently than it is stored \\((\\S+) at character (\\d+)\\)",
                  "refusal.bidi"),
            known("holds an invisible zero-width character, which makes a name look like another \\((\\S+) at character (\\d+)\\)",
                  "refusal.zeroWidth"),
            known("holds a zero-width joiner or non-joiner where it joins nothing, which makes a name look like another \\((\\S+) at character (\\d+)\\)",
                  "refusal.joiner"),
            known("holds a noncharacter, which Unicode keeps out of text that is exchanged \\((\\S+) at character (\\d+)\\)",
                  "refusal.noncharacter"),
            known("no (partner|agreement|conflict|contribution|evaluation|improvement action|sub-coalition|entry) "
                  + "with this id in this network", "refusal.noSuch"),
            known("this partner already joined the network", "refusal.alreadyJoined"),
            known("this partner already withdrew on (\\S+)", "refusal.alreadyWithdrew"),
            known("another active partner of this network is already called '(.+)'", "refusal.nameTaken"),
            known("partner (.+) withdrew on (\\S+)", "refusal.partnerWithdrew"),
            known("no partner is called \"(.+)\" in this network or in the lines above; write the name as the partner "
                  + "list shows it, or the partner's id", "refusal.noPartnerCalled"),
            known("more than one partner is called \"(.+)\"; give the partner's id", "refusal.partnersCalled"),
            known("more than one person is called \"(.+)\" in the people directory; give the person's reference",
                  "refusal.peopleCalled"),
            known("is a name, not a reference: the log names people by a reference only, so that their names, kept in "
                  + "the people directory, can be corrected and erased; add the person there and give their reference",
                  "refusal.personName"),
            known("partner (.+) only joined on (\\S+)", "refusal.partnerNotYetJoined"),
            known("must differ from fromPartnerId \\(leave it out for the network\\)", "refusal.sameParty"),
            known("money is counted in EUR", "refusal.moneyInEur"),
            known("names two different partners \\(leave it out for the whole network\\)", "refusal.pair"),
            known("must be one of the agreement's parties", "refusal.notAParty"),
            known("is required for a rule agreement", "refusal.ruleThemeRequired"),
            known("belongs only to rule agreements", "refusal.ruleThemeOnly"),
            known("must be pledged or delivered", "refusal.pledgedOrDelivered"),
            known("must be delivered or withdrawn", "refusal.deliveredOrWithdrawn"),
            known("this evaluation is closed", "refusal.evaluationClosed"),
            known("this conflict was resolved", "refusal.conflictResolved"),
            known("this improvement action was already completed", "refusal.actionCompleted"),
            known("this sub-coalition was dissolved", "refusal.coalitionDissolved"),
            known("this entry was retracted", "refusal.retracted"),
            known("corrections and retractions cannot themselves be corrected", "refusal.correctACorrection"),
            known("the founding entry cannot be retracted; correct it instead", "refusal.retractFounding"),
            known("already represents this partner at this level", "refusal.alreadyRepresents"),
            known("is not a current representative of this partner at this level", "refusal.notRepresenting"),
            known("this person already holds this role", "refusal.alreadyHoldsRole"),
            known("this person does not hold this role for this partner", "refusal.doesNotHoldRole"),
            known("the entry names another network", "refusal.otherNetwork"),
            known("was already used for a different command", "refusal.commandIdUsed"),
            known("was already used for another person", "refusal.personRefUsed"),
            known("was used for a person who has since been erased", "refusal.personRefErased"),
            known("is not an e-mail address \\(like name@example\\.org\\)", "refusal.email"),
            known("holds fewer than 3 digits: not a phone number", "refusal.phone"),
            known("holds no entries", "refusal.noEntries"),
            known("is larger than the service accepts \\(1 MiB\\); split the file", "refusal.fileTooLarge"),
            known("the entry is larger than the service accepts \\(1 MiB\\); shorten its texts", "refusal.entryTooLarge"),
            known("is not a number: in a file separated by commas a decimal is written with a point \\(2\\.5\\), or "
                  + "separate the file by semicolons", "refusal.decimalCommaInCommaFile"),
            known("reads two ways: as (\\S+) \\(a point between thousands\\) or as (\\S+) \\(a decimal point\\); write a whole "
                  + "number without a separator \\(\\S+\\), or a decimal with a comma \\((\\S+)\\)", "refusal.groupedNumber"),
            known("reads two ways: as (\\S+) \\(a comma between thousands\\) or as (\\S+) \\(a decimal comma\\); write a "
                  + "whole number without a separator \\(\\S+\\), or a decimal with a point \\(\\S+\\)",
                  "refusal.commaGroupedNumber"),
            known("is not a date written YYYY-MM-DD \\(2025-12-31\\); in a file separated by commas a date with dashes "
                  + "may be read month first, so write it YYYY-MM-DD, or separate the file by semicolons",
                  "refusal.dayFirstInCommaFile"),
            known("is not a valid date \\(day-month-year, as 31-12-2025, or YYYY-MM-DD\\)", "refusal.dayFirstDate"),
            known("names what line (\\d+) creates, and line \\d+ is refused; put that line right first",
                  "refusal.createdByRefusedLine"),
            known("is neither CSV nor JSON Lines", "refusal.notCsvOrJsonLines"),
            known("holds (\\d+) entries; an import may hold at most (\\d+), so split the file", "refusal.tooManyEntries"),
            known("is not valid (\\S+) text; save the file as UTF-8 .*", "refusal.notUtf8"),
            known("is not valid JSON \\(column (\\d+): .*\\)", "refusal.lineNotJson"),
            known("must be one JSON object", "refusal.oneJsonObject"),
            known("must be a JSON object in its cell", "refusal.cellJsonObject"),
            known("the header row must name a column 'type' \\(the kind of entry of each row\\)", "refusal.typeColumn"),
            known("every column needs a name in the header row", "refusal.columnName"),
            known("has text after the closing quote of a cell", "refusal.afterQuote"),
            known("opens a quoted cell that is never closed \\(the rest of the file is inside it\\)", "refusal.openQuote"),
            known("holds more after the JSON value; send exactly one JSON value", "refusal.trailing"),
            known("is not valid JSON", "refusal.notJson"),
            known("needs (\\d+) scores for this instrument, got (\\d+)", "refusal.scoreCount"),
            known("a network is founded once; correct its founding entry instead", "refusal.foundedOnce"),
            known("the network is being changed by others; try again", "refusal.busy"),
            known("must be at least (\\d+) characters \\(or left out for identity-provider users\\)", "refusal.passwordOrProvider"),
            known("must be at most (\\d+) bytes in UTF-8: .*", "refusal.passwordBytes"),
            known("must be at least (\\d+) characters", "refusal.atLeastCharacters"),
            known("is already taken", "refusal.taken"),
            known("is already linked to another user", "refusal.subjectLinked"),
            known("an admin cannot disable their own account", "refusal.ownAccount"),
            known("this person was erased", "refusal.erased"),
            known("no person with this reference in this network", "refusal.noPerson"),
            known("no network with this id", "refusal.noNetwork"),
            known("no user with this id", "refusal.noUser"),
            known("the user does not hold this role in this network", "refusal.userHasNoRole"),
            known("version (\\d+) was already stated; correct it, or state version (\\d+)", "refusal.versionStated"),
            known("must be (\\d+), the next version", "refusal.nextVersion"),
            known("no ambition version (\\d+) was stated", "refusal.noAmbitionVersion"),
            known("lists the same partner and level twice", "refusal.attendanceTwice"),
            known("the contribution is already (pledged|delivered|withdrawn)", "refusal.contributionAlready"),
            known("name either a beneficiary partner or a beneficiary group", "refusal.beneficiary"),
            known("question (\\S+) does not belong to the (economic|social|cultural) capital", "refusal.questionCapital"),
            known("names a partner more than once", "refusal.partnerTwice"),
            known("an entry with this id already exists", "refusal.idExists"),
            known("is missing", "refusal.missing"),
            known("must be (\\S+), like the entry it corrects", "refusal.likeCorrected"),
            known("must be this network", "refusal.thisNetwork"),
            known("no such kind of entry; one of: (.+)", "refusal.noSuchKind"),
            known("must be a JSON object", "refusal.jsonObject"),
            known("names another network than the address; leave it out", "refusal.bodyNetwork"),
            known("must be a whole number from (\\S+) to (\\S+)", "refusal.wholeFromTo"),
            known("must be a number from (\\S+) to (\\S+)", "refusal.numberFromTo"),
            known("is not a health policy setting; one of: (.+)", "refusal.noPolicySetting"),
            known("lies after today \\((\\S+)\\)", "refusal.afterToday"),
            known("lies in the future \\(it is now (\\S+)\\)", "refusal.afterNow"),
            known("lies before the network was founded", "refusal.beforeFounded"),
            known("is not an instant \\(e\\.g\\. (\\S+)\\)", "refusal.instant"),
            known("must be a month like (\\S+)", "refusal.month"),
            known("was already used in another network", "refusal.commandIdElsewhere"),
            known("a network with this id already exists", "refusal.networkExists"),
            known("a correction cannot change the id of what was created", "refusal.correctionKeepsId"),
            known("is missing or cannot be read", "refusal.unreadable"),
            known("has a value that cannot be read", "refusal.unreadableValue"),
            known("may only hold letters, digits and \\. _ @ -", "refusal.usernameCharacters"),
            known("must be 0 or more", "refusal.zeroOrMore"),
            known("must not be negative", "refusal.notNegative"),
            known("must not lie before from", "refusal.beforeFrom"),
            known("names a charset this server does not know", "refusal.unknownCharset"),
            known("no health views for this network yet", "refusal.noHealthYet"),
            known("unknown user, wrong password or no login", "refusal.login"),
            known("wait before trying again", "refusal.wait"),
            known("has (\\d+) cells, the header names (\\d+)", "refusal.cellCount"),
            known("has (\\d+) cells, the header names (\\d+); a cell that holds (.) goes between double quotes",
                  "refusal.cellCountQuotes"),
            known("unknown entry type '(.+)'; one of (.+)", "refusal.unknownType"),
            known("indicator (\\S+) is not computed", "refusal.indicatorNotComputed"),
            known("no health was computed for (\\S+)", "refusal.noHealthFor"),
            known("alert (\\S+) did not hold in (\\S+)", "refusal.alertDidNotHold"),
            known("no indicator (\\S+)", "refusal.noIndicator"),
            known("the log of this network is broken at sequence (\\d+); .*", "refusal.logBroken"));

    /** Messages whose numbers are quoted as the file has them or is to have them, in no reader's grouping. */
    private static final Set<String> AS_WRITTEN = Set.of("refusal.groupedNumber", "refusal.commaGroupedNumber");
    /** Messages whose numbers name an entry or a version rather than count: they are kept without grouping. */
    private static final Set<String> NUMBERS_NAME = Set.of("refusal.logBroken", "refusal.versionStated",
                                                            "refusal.nextVersion", "refusal.noAmbitionVersion");

    /** Messages that name another entry by its kind's code, its date and the rule it would break as "field: message". */
    private static final Set<String> NAMES_AN_ENTRY = Set.of("refusal.restsOnIt", "refusal.endBeforeLater");
    /** A field of an entry, as a rule names it: a list's value and what of it ("attendance[5].partnerId"), or a field. */
    private static final Pattern FIELD_AND_REASON = Pattern.compile("([A-Za-z]+)(?:\\[\\d+])?(?:\\.[A-Za-z]+)?: (.+)");

    private Refusals() {
    }

    private static Map.Entry<Pattern, String> known(String message, String key) {
        return Map.entry(Pattern.compile(message), key);
    }

    /** The service's {@code message} in the reader's words where the bundles know it; else as written, marked English. */
    static String say(Words words, String message) {
        String said = known(words, message);
        if (said == null && message.contains("; ")) {
            // Several refusals of one field come joined ("must not be blank; may only hold letters, …"): each part is
            // said on its own when every part is known.
            List<String> parts = java.util.Arrays.stream(message.split("; ")).map(part -> known(words, part)).toList();
            if (parts.stream().allMatch(java.util.Objects::nonNull)) {
                said = String.join(" ", parts);
            }
        }
        if (said != null) {
            return said;
        }
        return words.locale().getLanguage().equals("en") ? message : ENGLISH + message;
    }

    /** The message in the reader's words when it is one the bundles know; null otherwise. */
    private static String known(Words words, String message) {
        for (Map.Entry<Pattern, String> known : KNOWN) {
            Matcher matcher = known.getKey().matcher(message.strip());
            if (matcher.matches()) {
                Object[] args = new Object[matcher.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    // a number the file wrote, and how to write it instead, are quoted as written
                    args[i] = AS_WRITTEN.contains(known.getValue()) ? matcher.group(i + 1)
                            : named(words, matcher.group(i + 1), NUMBERS_NAME.contains(known.getValue()));
                }
                if (known.getValue().equals("refusal.oneOf")) {
                    args[0] = choices(words, matcher.group(1));
                }
                if (known.getValue().equals("refusal.commaGroupedNumber")) {
                    // the decimal reading also as a decimal comma writes it: "1.25" alone read in Dutch as a thousand
                    args = java.util.Arrays.copyOf(args, 3);
                    args[2] = matcher.group(2).replace('.', ',');
                }
                if (NAMES_AN_ENTRY.contains(known.getValue())) {
                    args[0] = ImportPageController.kindLabel(words, matcher.group(1));
                    args[2] = reason(words, matcher.group(1), matcher.group(3));
                }
                return words.get(known.getValue(), args);
            }
        }
        return null;
    }

    /**
     * Why another entry of kind {@code kind} would break, in the reader's words: its field by the label its form shows
     * (a list's field without the value's place, which a form does not number) and the rule said as any refusal is
     * ("Aanwezig: Partner Zorg Noord is uitgetreden op 2025-02-01"); a reason the bundles do not know as written.
     */
    private static String reason(Words words, String kind, String reason) {
        Matcher field = FIELD_AND_REASON.matcher(reason);
        if (!field.matches()) {
            return text(say(words, reason));
        }
        String label = EntryForms.label(words.messages(), words.locale(), kind, field.group(1));
        String said = text(say(words, field.group(2)));
        said = said.endsWith(".") ? said.substring(0, said.length() - 1) : said;
        return (label == null ? field.group(1) : label) + ": " + said;
    }

    /**
     * The codes a field takes, each with the word the forms show for it where that is another word: "economic
     * (Economisch), social (Sociaal)". A Dutch coordinator whose file said "economisch" read only the codes, and could
     * not tell them from the words the same page used.
     */
    private static String choices(Words words, String codes) {
        List<String> said = new java.util.ArrayList<>();
        for (String code : codes.split(", ")) {
            String word = EntryForms.enumValue(words.messages(), words.locale(), null, code.strip());
            said.add(word == null || word.equalsIgnoreCase(code.strip()) ? code : code + " (" + word + ")");
        }
        return String.join(", ", said);
    }

    /**
     * What a message names, in the reader's words: a thing named in English words by its name in the bundles, a number
     * with decimals with the reader's decimal sign ({@code 0.01} is {@code 0,01} in Dutch), a count of thousands or
     * more with the reader's grouping ({@code 5001} is {@code 5.001} in Dutch, {@code 5,001} in English) unless the
     * message numbers something ({@code name} true: an entry's or a version's number, written as the pages write it);
     * anything else as written.
     */
    private static String named(Words words, String part, boolean name) {
        if (part.matches("[a-z -]+")) {
            return words.orElse("refusal.thing." + part.replace(' ', '-'), part);
        }
        if (part.matches("-?\\d+\\.\\d+")) {
            return words.number(Double.parseDouble(part), part.length() - part.indexOf('.') - 1);
        }
        if (!name && part.matches("-?\\d{4,15}")) {
            return words.number(Long.parseLong(part), 0);
        }
        return part;
    }

    /** The message in the reader's words where the bundles know it, else as written, without a mark. */
    static String plain(Words words, String message) {
        return text(say(words, message));
    }

    /** Whether the service's {@code message} says that a value was left out. */
    static boolean required(String message) {
        return REQUIRED_PATTERN.matcher(message.strip()).matches();
    }

    /** Whether {@link #say} kept the message in English. */
    static boolean english(String said) {
        return said.startsWith(ENGLISH);
    }

    /** What {@link #say} answered, without its mark. */
    static String text(String said) {
        return english(said) ? said.substring(ENGLISH.length()) : said;
    }
}

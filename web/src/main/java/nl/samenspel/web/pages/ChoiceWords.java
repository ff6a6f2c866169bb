package nl.samenspel.web.pages;

import org.springframework.context.MessageSource;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A spreadsheet's choices in the words the pages show for them, read as the codes the import takes: a Dutch
 * coordinator writes "Geld", "toegezegd" or "Verslag" where the import reads {@code money}, {@code pledged} and
 * {@code minutes}. A cell of a choice column (or a value of a list of choices) that holds the word the forms show for
 * one of that column's codes, in Dutch or English and whatever its case, or another word the bundles give for it
 * ({@code enum.hours.also}: "uur" beside "Uren"), or a code in another case, is written as that code; a word that
 * could mean two codes of the column is left as written, and so refused with the codes and their words. A file with nothing to change, or that is not UTF-8 text, is sent as it came, so the import's own refusals
 * stand.
 */
final class ChoiceWords {
    private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH);

    private ChoiceWords() {
    }

    /** {@code csv} with the choices written in words replaced by their codes; the same bytes when there are none. */
    static byte[] asCodes(byte[] csv, ImportTemplate kinds, MessageSource messages) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                         .onUnmappableCharacter(CodingErrorAction.REPORT)
                                         .decode(ByteBuffer.wrap(csv)).toString();
        } catch (CharacterCodingException notUtf8) {
            return csv;
        }
        SpreadsheetRows sheet = SpreadsheetRows.of(text);
        if (sheet.rows().isEmpty()) {
            return csv;
        }
        List<String> header = sheet.rows().get(0).cells();
        int typeColumn = header.indexOf("type");
        if (typeColumn < 0) {
            return csv;
        }
        // the words of each column of each kind, read from the description once
        Map<String, Map<String, String>> codesByWord = new HashMap<>();
        Map<String, List<Map<String, String>>> partsByWord = new HashMap<>();
        boolean changed = false;
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (SpreadsheetRows.Row row : sheet.rows().subList(1, sheet.rows().size())) {
            List<String> cells = new ArrayList<>(row.cells());
            String kind = typeColumn < cells.size() ? cells.get(typeColumn) : "";
            for (int i = 0; i < cells.size() && i < header.size(); i++) {
                String field = header.get(i);
                String cell = cells.get(i);
                if (cell.isEmpty()) {
                    continue;
                }
                Map<String, String> words = codesByWord.computeIfAbsent(kind + "/" + field,
                        key -> words(kinds.choices(kind, field), field, messages));
                // a list of small records (a meeting's attendance, partner:level): each part by its own codes
                List<Map<String, String>> partWords = partsByWord.computeIfAbsent(kind + "/" + field, key -> {
                    List<Map<String, String>> parts = new ArrayList<>();
                    kinds.partChoices(kind, field).forEach((part, codes) -> parts.add(words(codes, part, messages)));
                    return parts;
                });
                if (words.isEmpty() && partWords.stream().allMatch(Map::isEmpty)) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                for (String value : cell.split(";", -1)) {
                    if (partWords.isEmpty()) {
                        values.add(words.getOrDefault(key(value), value));
                        continue;
                    }
                    String[] pieces = value.split(":", -1);
                    if (pieces.length == partWords.size()) {
                        for (int p = 0; p < pieces.length; p++) {
                            pieces[p] = partWords.get(p).getOrDefault(key(pieces[p]), pieces[p]);
                        }
                    }
                    values.add(String.join(":", pieces));
                }
                String written = String.join(";", values);
                if (!written.equals(cell)) {
                    cells.set(i, written);
                    changed = true;
                }
            }
            rows.add(cells);
        }
        if (!changed) {
            return csv;
        }
        StringBuilder out = new StringBuilder();
        rows.forEach(cells -> ImportTemplate.line(out, cells, sheet.separator()));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code code} of a choice field ({@code field}, taking {@code codes}) as the forms say it in {@code language}, when
     * that word reads back as the code; the code where it has no word or the word could mean another code too.
     */
    static String word(List<String> codes, String field, String code, MessageSource messages, Locale language) {
        String word = EntryForms.enumValue(messages, language, field, code);
        return word != null && code.equals(words(codes, field, messages).get(key(word))) ? word : code;
    }

    /**
     * The codes of a choice field by the words that name them, in either language and as codes in another case: only
     * words that name one code.
     */
    private static Map<String, String> words(List<String> codes, String field, MessageSource messages) {
        Map<String, String> byWord = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String code : codes) {
            List<String> said = new ArrayList<>(List.of(code));
            for (Locale language : LANGUAGES) {
                String word = EntryForms.enumValue(messages, language, field, code);
                if (word != null) {
                    said.add(word);
                    // the word without what its brackets add ("Capaciteit" for "Capaciteit (mensen, tijd)"), as a
                    // person writes it in a cell
                    String shorter = word.replaceFirst("\\s*\\([^)]*\\)\\s*$", "");
                    if (!shorter.isBlank() && !shorter.equals(word)) {
                        said.add(shorter);
                    }
                }
                // the other words a cell may hold for it: a unit in the singular ("uur", "day") or its sign ("€")
                String also = EntryForms.enumAlso(messages, language, field, code);
                if (also != null) {
                    java.util.Arrays.stream(also.split(",")).filter(w -> !w.isBlank()).forEach(said::add);
                }
            }
            said.stream().map(ChoiceWords::key).distinct().forEach(word -> {
                seen.merge(word, 1, Integer::sum);
                byWord.put(word, code);
            });
        }
        seen.forEach((word, count) -> {
            if (count > 1) {
                byWord.remove(word);
            }
        });
        return byWord;
    }

    private static String key(String word) {
        return word.strip().toLowerCase(Locale.ROOT);
    }
}

package nl.samenspel.web.pages;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Both languages say everything: the bundles hold the same keys, and every key a page or chart asks for exists. */
class MessageBundlesTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/web/templates");
    private static final Path SOURCES = Path.of("src/main/java/nl/samenspel/web");

    @Test
    void dutchAndEnglishHoldTheSameLabels() throws IOException {
        Set<String> english = load("en").stringPropertyNames();
        Set<String> dutch = load("nl").stringPropertyNames();
        // Alert titles and responses may fall back to the API's English text; every other label exists twice.
        Set<String> dutchWithoutAlerts = new TreeSet<>(dutch);
        dutchWithoutAlerts.removeIf(key -> key.matches("alert\\.A\\d+\\..*"));
        assertThat(dutchWithoutAlerts).isEqualTo(new TreeSet<>(english));
    }

    @Test
    void everyLabelATemplateOrPageAsksForExistsInBothLanguages() throws IOException {
        Set<String> wanted = new HashSet<>();
        Pattern inTemplate = Pattern.compile("#\\{([a-zA-Z0-9.]+)[}(]");
        Pattern inCode = Pattern.compile("\\b(?:w|words)\\.get\\(\"([a-zA-Z0-9.]+)\"");
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = inTemplate.matcher(Files.readString(file));
                while (m.find()) {
                    wanted.add(m.group(1));
                }
            }
        }
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = inCode.matcher(Files.readString(file));
                while (m.find()) {
                    wanted.add(m.group(1));
                }
            }
        }
        // Keys put together from a prefix and a name are checked name by name.
        wanted.removeIf(key -> key.endsWith("."));
        for (String id : IndicatorCatalog.IDS) {
            wanted.add("indicator." + id + ".name");
            wanted.add("why." + id);
        }
        IndicatorCatalog.CONDITIONS.forEach(c -> wanted.add("condition." + c));
        IndicatorCatalog.CAPITALS.forEach(c -> wanted.add("capital." + c));
        IndicatorCatalog.CAPACITIES.forEach(c -> wanted.add("capacity." + c));
        IndicatorCatalog.LEVELS.forEach(l -> wanted.add("level." + l));
        IndicatorCatalog.DRIVERS.forEach(d -> wanted.add("driver." + d));
        for (IndicatorCatalog.Kind kind : IndicatorCatalog.Kind.values()) {
            wanted.add("chart.axis.value." + kind.name());
        }
        assertThat(wanted).hasSizeGreaterThan(80);
        for (String lang : new String[] {"en", "nl"}) {
            assertThat(load(lang).stringPropertyNames()).as(lang).containsAll(wanted);
        }
    }

    @Test
    void theDutchLabelsUseThePractitionersTerms() throws IOException {
        Properties dutch = load("nl");
        String all = String.join("\n", dutch.stringPropertyNames().stream().map(dutch::getProperty).toList());
        for (String term : new String[] {"netwerkdip", "Geven en nemen", "Drie kapitalen", "achtje", "Conflictthermometer",
                "Vijf condities", "Leer-werkklimaat"}) {
            assertThat(all).contains(term);
        }
        // one word for one thing: the dashboard's give and take is what the forms and thresholds call it too
        assertThat(all.toLowerCase(java.util.Locale.ROOT)).doesNotContain("halen en brengen")
                // a dip's drivers are causes; an 'aanjager' is one who drives a network forward
                .doesNotContain("aanjager")
                // one word each for the signed checkpoint, the figure eight and the meeting load
                .doesNotContain("ijkpunt").doesNotContain("liggende acht").doesNotContain("vergaderlast");
        // every indicator the health model computes has a name, also the suggested phase (H17), which a late entry
        // can change and time travel then names
        for (int i = 1; i <= 17; i++) {
            assertThat(dutch.getProperty("indicator.H" + i + ".name")).as("H" + i).isNotBlank();
        }
        assertThat(dutch.getProperty("level.professional")).isEqualTo(dutch.getProperty("enum.professional"));
    }

    /** Every bundle of one language together, as the pages see them. */
    private static Properties load(String lang) throws IOException {
        Properties properties = new Properties();
        List<Path> bundles;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/web/i18n"))) {
            bundles = files.filter(f -> f.getFileName().toString().endsWith("_" + lang + ".properties")).toList();
        }
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(5);
        for (Path bundle : bundles) {
            try (InputStream in = Files.newInputStream(bundle)) {
                properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return properties;
    }
}

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
}

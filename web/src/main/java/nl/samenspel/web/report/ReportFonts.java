package nl.samenspel.web.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The typeface of every PDF the web application makes: DejaVu Sans (and Sans Mono for hashes and signatures), read
 * from the classpath, where a Maven artifact puts it. It covers every letter Dutch and English text uses, "€" and the
 * status icons, and is embedded in each PDF, so a report reads the same on every machine. The same font files are
 * registered with Java's graphics, so charts measure their labels in exactly the font the PDF then draws them in.
 */
public final class ReportFonts {
    /** The family name charts and the report's style sheet ask for. */
    public static final String SANS = "DejaVu Sans";
    public static final String MONO = "DejaVu Sans Mono";

    private static final String DIRECTORY = "net/sf/jasperreports/fonts/dejavu/";

    /** One font file and what it is in CSS terms. */
    public record Face(String family, String file, int weight, boolean italic) {
        public InputStream open() {
            InputStream in = ReportFonts.class.getClassLoader().getResourceAsStream(DIRECTORY + file);
            if (in == null) {
                throw new IllegalStateException("The font " + file + " is not on the classpath (jasperreports-fonts)");
            }
            return in;
        }
    }

    public static final List<Face> FACES = List.of(
            new Face(SANS, "DejaVuSans.ttf", 400, false),
            new Face(SANS, "DejaVuSans-Bold.ttf", 700, false),
            new Face(SANS, "DejaVuSans-Oblique.ttf", 400, true),
            new Face(SANS, "DejaVuSans-BoldOblique.ttf", 700, true),
            new Face(MONO, "DejaVuSansMono.ttf", 400, false),
            new Face(MONO, "DejaVuSansMono-Bold.ttf", 700, false));

    private static volatile boolean registered;

    private ReportFonts() {
    }

    /** Makes the faces known to Java's graphics (once per process), whatever fonts the machine has. */
    public static void registerWithJava2d() {
        if (registered) {
            return;
        }
        synchronized (ReportFonts.class) {
            if (registered) {
                return;
            }
            GraphicsEnvironment graphics = GraphicsEnvironment.getLocalGraphicsEnvironment();
            for (Face face : FACES) {
                try (InputStream in = face.open()) {
                    graphics.registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the font " + face.file(), e);
                } catch (FontFormatException e) {
                    throw new IllegalStateException("The font " + face.file() + " is not a TrueType font", e);
                }
            }
            registered = true;
        }
    }
}

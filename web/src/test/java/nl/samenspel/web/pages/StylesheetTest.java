package nl.samenspel.web.pages;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every block in the stylesheets is closed, and no rule block stands inside a media block by accident: a rule that
 * starts at the left margin is at the top level. An unclosed phone-only block once turned every rule after it into a
 * rule for phones only, and nothing else noticed.
 */
class StylesheetTest {

    @Test
    void everyBlockClosesAndTopLevelRulesAreAtTheTopLevel() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/web/static/css"))) {
            for (Path css : files.filter(f -> f.toString().endsWith(".css")).toList()) {
                int depth = 0;
                int number = 0;
                for (String line : Files.readAllLines(css)) {
                    number++;
                    String code = line.replaceAll("/\\*.*?\\*/", "");
                    if (!code.isBlank() && !Character.isWhitespace(code.charAt(0)) && !code.startsWith("}")) {
                        assertThat(depth).as("%s line %d starts a rule at the margin inside a block: %s", css, number, line)
                                         .isZero();
                    }
                    for (char c : code.toCharArray()) {
                        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                    }
                    assertThat(depth).as("%s line %d closes more than it opened", css, number).isNotNegative();
                }
                assertThat(depth).as("%s leaves a block open", css).isZero();
            }
        }
    }
}

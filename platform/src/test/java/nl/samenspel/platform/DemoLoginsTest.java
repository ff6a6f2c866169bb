package nl.samenspel.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo passwords can be looked up again: kept in a file only its owner may read, named in the banner. */
class DemoLoginsTest {

    @Test
    void theDemoLoginsAreKeptInAFileOnlyTheOwnerCanReadAndTheBannerSaysWhere(@TempDir Path dataDir) throws IOException {
        Map<String, String> logins = new LinkedHashMap<>();
        logins.put("admin", "Adm1nPassw0rdXyz");
        logins.put("steering", "St33ringPassw0rd");
        Path file = dataDir.resolve("data").resolve(DemoLogins.FILE);

        DemoLogins.write(file, logins);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("admin", "Adm1nPassw0rdXyz", "steering", "St33ringPassw0rd");
        String banner = DemoLogins.banner(logins, file);
        assertThat(banner).contains("St33ringPassw0rd").contains(file.toString()).contains("readable by you only");
        assertThat(DemoLogins.banner(Map.of(), file)).as("a later start names the file only")
                                                   .doesNotContain("St33ringPassw0rd").contains(file.toString());
    }

    @Test
    void writingAgainReplacesTheLoginsAndKeepsTheFilePrivate(@TempDir Path dataDir) throws IOException {
        Path file = dataDir.resolve(DemoLogins.FILE);
        Files.writeString(file, "previous Passw0rdOld");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        DemoLogins.write(file, Map.of("auditor", "Aud1torPassw0rdQ"));

        assertThat(Files.readString(file)).contains("Aud1torPassw0rdQ").doesNotContain("previous Passw0rdOld");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}

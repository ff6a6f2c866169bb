package nl.samenspel.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The demo users' passwords, kept where their owner can look them up again: a file in the data directory that only
 * the owner may read, named in the ready banner. The banner shows the logins the first time, and after that only
 * where to find them.
 */
final class DemoLogins {
    static final String FILE = "demo-logins.txt";
    private static final Logger log = LoggerFactory.getLogger(DemoLogins.class);

    private DemoLogins() {
    }

    /** Writes the file readable and writable by its owner only; it is created with those rights, never widened. */
    static void write(Path file, Map<String, String> credentials) {
        StringBuilder text = new StringBuilder("""
                # Samenspel demo logins. Each user holds its role in the four demo networks; admin manages users.
                # Log in at the web address the platform prints when it starts (http://localhost:8080 by default).
                """);
        credentials.forEach((user, password) -> text.append(String.format("%-12s %s%n", user, password)));
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            log.warn("Could not write the demo logins to {}: {}", file, e.getMessage());
        }
    }

    /** The banner's lines about logging in: the logins themselves on first start, and where they are kept. */
    static String banner(Map<String, String> credentials, Path file) {
        StringBuilder lines = new StringBuilder();
        if (!credentials.isEmpty()) {
            lines.append("  Demo logins (each holds its role in the four demo networks):\n");
            credentials.forEach((user, password) -> lines.append(String.format("    %-12s %s%n", user, password)));
        }
        if (file != null && Files.exists(file)) {
            lines.append("  Demo logins are kept in ").append(file).append(" (readable by you only).\n");
        }
        return lines.toString().stripTrailing();
    }
}

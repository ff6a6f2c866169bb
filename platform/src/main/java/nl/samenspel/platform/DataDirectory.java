package nl.samenspel.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/** Keeps the embedded default's data directory private to the user that runs the platform. */
final class DataDirectory {
    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {
    }

    /**
     * Creates the directory owner-only (0700) or makes an existing one so, and makes every file in it owner-only (0600).
     * The directory's mode alone already keeps other users out of files the store creates later with the umask's mode.
     */
    static void makePrivate(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir.getParent() == null ? dir : dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
            Files.setPosixFilePermissions(dir, DIRECTORY);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path path : (Iterable<Path>) files::iterator) {
                    Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
                }
            }
        } catch (UnsupportedOperationException notPosix) {
            log.warn("Cannot restrict access to {} on this file system; keep it private by other means", dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the data directory " + dir + " private", e);
        }
    }
}

package nl.samenspel.eventstore;

import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Rewrites the embedded store's file with live data only, so that what was overwritten or deleted (an erased person's
 * name, say) is no longer anywhere in it.
 *
 * <p>An MVStore never overwrites in place: an update writes new pages and leaves the old ones in the file until their
 * space happens to be reused, which may be never. Only a copy of the live pages into a new file leaves the old bytes
 * behind for good. That copy needs the store closed, so a request only marks a compaction as due, in a file beside
 * the store's (synced, so a crash cannot lose it); the store is rewritten when it is next closed cleanly, or else
 * before it is next opened.
 *
 * <p>The copy is written to a temporary file, synced, and renamed over the store's file in one atomic step; only then
 * is the mark removed. Interrupted at any point, the old file is still whole and the mark still there, and the next
 * open starts over.
 */
final class StoreCompaction {
    private static final Logger log = LoggerFactory.getLogger(StoreCompaction.class);
    static final String DUE_SUFFIX = ".compaction-due";
    static final String COPY_SUFFIX = ".compacting";

    private StoreCompaction() {
    }

    /** Marks a compaction of {@code storeFile} as due, durably: once this returns, a crash does not undo it. */
    static void request(Path storeFile) {
        Path due = sibling(storeFile, DUE_SUFFIX);
        try {
            Files.writeString(due, "requested " + Instant.now() + "\n");
            force(due);
            force(directoryOf(storeFile));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot mark a compaction of " + storeFile + " as due", e);
        }
    }

    static boolean isDue(Path storeFile) {
        return Files.exists(sibling(storeFile, DUE_SUFFIX));
    }

    /**
     * Rewrites the closed store {@code storeFile} with its live data only, if a compaction is due. A failure is
     * logged and leaves the store as it was and the compaction due, to be tried again at the next close or open.
     *
     * @return whether the store was rewritten
     */
    static boolean compactIfDue(Path storeFile) {
        Path copy = sibling(storeFile, COPY_SUFFIX);
        try {
            Files.deleteIfExists(copy); // left by an interrupted compaction; the mark is still there, so start over
            if (!isDue(storeFile)) {
                return false;
            }
            if (Files.exists(storeFile)) {
                long before = Files.size(storeFile);
                MVStoreTool.compact(storeFile.toString(), copy.toString(), false);
                force(copy);
                copyPermissions(storeFile, copy);
                replace(copy, storeFile);
                log.info("Rewrote {} with live data only ({} bytes, was {})", storeFile, Files.size(storeFile), before);
            }
            Files.delete(sibling(storeFile, DUE_SUFFIX));
            force(directoryOf(storeFile));
            return true;
        } catch (IOException | RuntimeException e) {
            log.error("Could not rewrite {} with live data only; erased data stays in it until the next try", storeFile,
                      e);
            try {
                Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                // the next attempt removes it
            }
            return false;
        }
    }

    private static void replace(Path copy, Path storeFile) throws IOException {
        try {
            Files.move(copy, storeFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(copy, storeFile, StandardCopyOption.REPLACE_EXISTING);
        }
        force(directoryOf(storeFile));
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException notPosix) {
            // nothing to keep
        }
    }

    /** Syncs a file, or a directory's entries (where the platform allows opening a directory for that). */
    private static void force(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        try (FileChannel channel = FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            if (!directory) {
                throw e;
            }
            log.debug("Cannot sync the directory {} on this platform", path);
        }
    }

    private static Path directoryOf(Path file) {
        return file.toAbsolutePath().getParent();
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }
}

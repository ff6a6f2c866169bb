package nl.samenspel.web.pages;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import nl.samenspel.web.api.ManageClient;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Uploaded import files between the check and the logging: kept in a temporary file readable by this process only,
 * known by a random id in the uploader's session, and deleted once logged, when the session ends, or when the web
 * application stops. So the coordinator logs exactly the file that was checked without sending it twice, and
 * nobody else can name it. Each upload carries the command id its import is sent with, so logging it twice (a double
 * click, a resend after a lost answer) logs it once.
 */
@Component
public class Uploads {
    /** Uploads a session keeps at once; the oldest goes when a new one comes. */
    private static final int PER_SESSION = 3;
    private static final String SESSION_KEY = Uploads.class.getName();

    private final Path directory;

    public Uploads() {
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            directory = posix ? Files.createTempDirectory("samenspel-imports",
                                                          PosixFilePermissions.asFileAttribute(
                                                                  PosixFilePermissions.fromString("rwx------")))
                              : Files.createTempDirectory("samenspel-imports");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An uploaded file: what it is, the network it is for, and, once logged, what the import answered. */
    public static final class Upload {
        private final UUID id;
        private final UUID networkId;
        private final String fileName;
        private final MediaType contentType;
        private final Path file;
        private volatile int entries;
        private volatile ManageClient.ImportAnswer checked;
        private volatile Logged logged;

        Upload(UUID id, UUID networkId, String fileName, MediaType contentType, Path file) {
            this.id = id;
            this.networkId = networkId;
            this.fileName = fileName;
            this.contentType = contentType;
            this.file = file;
        }

        public UUID id() {
            return id;
        }

        public UUID networkId() {
            return networkId;
        }

        public String fileName() {
            return fileName;
        }

        public MediaType contentType() {
            return contentType;
        }

        public boolean csv() {
            return MediaType.parseMediaType("text/csv").includes(contentType);
        }

        public int entries() {
            return entries;
        }

        void entries(int entries) {
            this.entries = entries;
        }

        /** The latest check's answer: clean, or the refused lines. */
        public ManageClient.ImportAnswer checked() {
            return checked;
        }

        void checked(ManageClient.ImportAnswer answer) {
            this.checked = answer;
        }

        public Logged logged() {
            return logged;
        }

        byte[] bytes() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Once logged the file is no longer needed: only the answer stays, for the page that shows it. */
        void logged(Logged result) {
            this.logged = result;
            delete();
        }

        void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the directory goes when the application stops
            }
        }
    }

    /** What logging an upload did: entries logged (0 when every line was logged before), and where the last one is. */
    public record Logged(int entries, long logged, Long position, Long lastSequence, boolean healthIncludesIt) {
    }

    /** Keeps {@code bytes} for the session and answers the new upload. */
    Upload keep(HttpSession session, UUID networkId, String fileName, MediaType contentType, byte[] bytes) {
        UUID id = UUID.randomUUID();
        Path file = directory.resolve(id + ".upload");
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Upload upload = new Upload(id, networkId, fileName, contentType, file);
        synchronized (WebUtils.getSessionMutex(session)) {
            if (!(session.getAttribute(SESSION_KEY) instanceof SessionUploads)) {
                session.setAttribute(SESSION_KEY, new SessionUploads());
            }
            ((SessionUploads) session.getAttribute(SESSION_KEY)).put(upload);
        }
        return upload;
    }

    /** The session's upload {@code id} for {@code networkId}, if it has one. */
    Optional<Upload> find(HttpSession session, UUID networkId, UUID id) {
        Object all = session.getAttribute(SESSION_KEY);
        if (!(all instanceof SessionUploads uploads)) {
            return Optional.empty();
        }
        return Optional.ofNullable(uploads.get(id)).filter(u -> u.networkId().equals(networkId));
    }

    /** A session's uploads, newest last; their files go when the session drops them. */
    static final class SessionUploads implements HttpSessionBindingListener {
        private final Map<UUID, Upload> uploads = new LinkedHashMap<>();

        synchronized void put(Upload upload) {
            uploads.put(upload.id(), upload);
            while (uploads.size() > PER_SESSION) {
                UUID oldest = uploads.keySet().iterator().next();
                uploads.remove(oldest).delete();
            }
        }

        synchronized Upload get(UUID id) {
            return uploads.get(id);
        }

        /** The session ended (logged out, expired): its files go with it. */
        @Override
        public synchronized void valueUnbound(HttpSessionBindingEvent event) {
            uploads.values().forEach(Upload::delete);
        }
    }

    @PreDestroy
    void deleteAll() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is cleaned by the system
        }
    }
}

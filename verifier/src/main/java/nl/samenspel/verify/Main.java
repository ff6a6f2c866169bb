package nl.samenspel.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar samenspel-verify.jar network.jsonl [--public-key key.pem] [--receipt receipt.jsonl]... [--unsealed] [--json]}:
 * verifies an exported network log offline. Exit status 0 when intact, 1 when broken, 2 when it cannot be read.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Said beside INTACT when no key was given: without it a log rewritten with fresh hashes from its first entry on
     * passes too, and INTACT alone read as if the signatures had been checked.
     */
    static final String UNSIGNED_NOTE = "note: no --public-key given, so the signed checkpoints and seals were not "
            + "checked; a log rewritten with new hashes would pass too";

    /** Runs the verifier as the command line does; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path log = null;
        Path keyFile = null;
        List<Path> receipts = new ArrayList<>();
        boolean json = false;
        boolean sealsRequired = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--unsealed" -> sealsRequired = false;
                case "--public-key" -> keyFile = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--receipt" -> {
                    if (i + 1 < args.length) {
                        receipts.add(Path.of(args[++i]));
                    }
                }
                case "--json" -> json = true;
                default -> {
                    if (args[i].startsWith("--") || log != null) {
                        return usage(err, "unexpected argument " + args[i]);
                    }
                    log = Path.of(args[i]);
                }
            }
        }
        if (log == null) {
            return usage(err, "name the exported log (JSON Lines)");
        }
        try {
            PublicKey key = keyFile == null ? null : Signatures.publicKey(Files.readString(keyFile));
            List<Anchor> given = anchors(receipts);
            Verdict verdict = verifyAgainst(log, key, given, sealsRequired);
            out.println(json ? verdict.toJson() : verdict.summary());
            if (verdict.intact() && !json && !receipts.isEmpty()) {
                // said, so that a run with an earlier export does not read as a run without it
                out.println(extendsNote(given.size(), given.stream().mapToLong(Anchor::sequence).max().orElse(-1)));
            }
            if (verdict.intact() && key == null && !json) {
                err.println(UNSIGNED_NOTE);
            }
            return verdict.intact() ? 0 : 1;
        } catch (java.nio.file.NoSuchFileException missing) {
            err.println("cannot verify: there is no file " + missing.getFile());
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    /** Said under INTACT when receipts, checkpoints or an earlier export were given: what the log was checked against. */
    static String extendsNote(long anchors, long latest) {
        return "the log extends all " + anchors + " receipts and checkpoints given, "
               + "the latest at sequence " + latest;
    }

    /** Verifies an export file, with receipts (files of one or more receipt lines) the log must extend. */
    public static Verdict verify(Path log, PublicKey key, List<Path> receipts) throws IOException {
        return verify(log, key, receipts, true);
    }

    /** As {@link #verify(Path, PublicKey, List)}; without {@code sealsRequired} the last event need carry no seal. */
    public static Verdict verify(Path log, PublicKey key, List<Path> receipts, boolean sealsRequired) throws IOException {
        return verifyAgainst(log, key, anchors(receipts), sealsRequired);
    }

    /** The anchors every file given with {@code --receipt} vouches for, read once, in the order given. */
    private static List<Anchor> anchors(List<Path> receipts) throws IOException {
        List<Anchor> anchors = new ArrayList<>();
        for (Path receipt : receipts) {
            anchors.addAll(anchors(receipt));
        }
        return anchors;
    }

    private static Verdict verifyAgainst(Path log, PublicKey key, List<Anchor> anchors, boolean sealsRequired)
            throws IOException {
        LogVerifier verifier = null;
        int number = 0;
        try (BufferedReader lines = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Object item = readLine(line, log, number);
                if (verifier == null) {
                    if (!(item instanceof ExportFormat.Header header)) {
                        throw new IllegalArgumentException(log + " line " + number + ": the first line must be the header");
                    }
                    verifier = new LogVerifier(header.network(), key, sealsRequired);
                } else if (item instanceof LogEvent event) {
                    verifier.event(event);
                } else if (item instanceof Anchor anchor) {
                    verifier.anchor(anchor);
                } else {
                    throw new IllegalArgumentException(log + " line " + number + ": a second header");
                }
            }
        }
        if (verifier == null) {
            throw new IllegalArgumentException(log + " is empty");
        }
        for (Anchor anchor : anchors) {
            verifier.anchor(anchor);
        }
        return verifier.verdict();
    }

    /**
     * What a file given with {@code --receipt} vouches for: its receipt and checkpoint lines; or, where it is an
     * earlier export (its first line the header), its checkpoints and the receipt of its last sealed event (of its
     * last event where none is sealed), so that a kept export can be given as it is. The earlier export's head and
     * events are not taken: the log verified now must hold the event that receipt names, with the same hash.
     */
    static List<Anchor> anchors(Path receipt) throws IOException {
        List<Anchor> anchors = new ArrayList<>();
        boolean export = false;
        LogEvent last = null;
        LogEvent lastSealed = null;
        int number = 0;
        for (String line : Files.readAllLines(receipt, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Object item = readLine(line, receipt, number);
            if (item instanceof ExportFormat.Header && !export && anchors.isEmpty()) {
                // an earlier export vouches only as far as it verifies itself: one edited since it was made would
                // vouch for what it no longer holds
                Verdict own = verify(receipt, null, List.of(), false);
                if (!own.intact()) {
                    throw new IllegalArgumentException(receipt + " is an export that does not verify itself, so it "
                                                       + "cannot vouch for this log: " + own.summary());
                }
                export = true;
            } else if (export && item instanceof LogEvent event) {
                last = event;
                lastSealed = event.seal() != null ? event : lastSealed;
            } else if (item instanceof Anchor anchor && !"head".equals(anchor.kind())) {
                anchors.add(anchor);
            } else if (!(export && item instanceof Anchor)) {
                throw new IllegalArgumentException(receipt + " line " + number + ": not a receipt or checkpoint");
            }
        }
        LogEvent vouching = lastSealed != null ? lastSealed : last;
        if (vouching != null) {
            anchors.add(vouching.receipt());
        }
        return anchors;
    }

    private static Object readLine(String line, Path file, int number) {
        try {
            return ExportFormat.read(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: java -jar samenspel-verify.jar network.jsonl [--public-key key.pem] [--receipt receipt.jsonl]... "
                    + "[--unsealed] [--json]");
        err.println("  --receipt  a file of receipt or checkpoint lines, or an earlier export of the same network: the log "
                    + "must still extend what it vouches for");
        return 2;
    }
}

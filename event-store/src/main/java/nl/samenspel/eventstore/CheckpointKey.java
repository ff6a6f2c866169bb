package nl.samenspel.eventstore;

import nl.samenspel.verify.Anchor;
import nl.samenspel.verify.Signatures;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The platform's Ed25519 key for signing anchors of network logs: the query-service's monthly checkpoints and the
 * receipts the command-service hands out with every answer, both in the signed form of {@link Anchor#signedText()}.
 * Both services must hold the same key. The public key is published, so anyone holding a checkpoint or receipt can
 * check it was signed here and prove, with an export, that the log still extends it.
 *
 * <p>Keys are read and made with the JDK; signing is done by Bouncy Castle, which signs a receipt in about 25 µs where
 * the JDK 17 implementation took about 450 µs (40% of the platform's CPU under eight concurrent clients). Ed25519
 * signatures are deterministic, so both give the same bytes, and the verifiers check them with the JDK.
 */
public final class CheckpointKey {
    private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);

    private final Ed25519PrivateKeyParameters privateKey;
    private final PublicKey publicKey;
    private final boolean lasting;

    private CheckpointKey(PrivateKey privateKey, PublicKey publicKey) {
        this(privateKey, publicKey, true);
    }

    private CheckpointKey(PrivateKey privateKey, PublicKey publicKey, boolean lasting) {
        this.lasting = lasting;
        if (!(privateKey instanceof EdECPrivateKey edKey) || edKey.getBytes().isEmpty()) {
            throw new IllegalStateException("The checkpoint private key is not an Ed25519 key");
        }
        this.privateKey = new Ed25519PrivateKeyParameters(edKey.getBytes().get(), 0);
        this.publicKey = publicKey;
        Anchor probe = new Anchor("checkpoint", "probe", 0, "probe", "probe", null);
        if (!Signatures.verify(publicKey, new Anchor("checkpoint", "probe", 0, "probe", "probe", sign(probe)))) {
            throw new IllegalStateException("The checkpoint private and public keys do not belong together");
        }
    }

    /** A key given as base64 PKCS#8 (private) and base64 X.509 (public), e.g. from the environment in production. */
    public static CheckpointKey of(String privateBase64, String publicBase64) {
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateBase64.strip())));
            return new CheckpointKey(privateKey, Signatures.publicKey(publicBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The checkpoint key is not an Ed25519 key pair: " + e.getMessage(), e);
        }
    }

    /**
     * The key kept in {@code file} (two lines: private, public), made on first start readable by its owner only.
     */
    public static CheckpointKey inFile(Path file) {
        try {
            if (!Files.exists(file)) {
                KeyPair pair = generate();
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    log.warn("Cannot restrict access to the checkpoint key {} on this file system", file);
                }
                Files.writeString(file, base64(pair.getPrivate().getEncoded()) + "\n" + base64(pair.getPublic().getEncoded())
                        + "\n");
                log.info("Made a new checkpoint signing key in {}", file);
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                throw new IllegalStateException("The checkpoint key file " + file + " needs two lines: private, public");
            }
            return of(lines.get(0), lines.get(1));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the checkpoint key " + file, e);
        }
    }

    /** A key for this run only: checkpoints signed with it cannot be checked after a restart. */
    public static CheckpointKey ephemeral() {
        KeyPair pair = generate();
        return new CheckpointKey(pair.getPrivate(), pair.getPublic(), false);
    }

    /** Whether the key outlives this run (configured or kept in a file), so what it signs can be checked later. */
    public boolean lasting() {
        return lasting;
    }

    /** The anchor with its signature over {@link Anchor#signedText()}, base64. */
    public String sign(Anchor anchor) {
        byte[] text = anchor.signedText().getBytes(StandardCharsets.UTF_8);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(text, 0, text.length);
        return base64(signer.generateSignature());
    }

    /**
     * A secret for {@code purpose} derived from the private key (SHA-256 of the purpose and the key), so that what the
     * platform seals for itself (its snapshots) needs no second secret to keep, and cannot be sealed by someone who
     * holds only the database.
     */
    public byte[] secret(String purpose) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(purpose.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return digest.digest(privateKey.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Base64 of the X.509 SubjectPublicKeyInfo: what {@code --public-key} of the verifiers reads. */
    public String publicKeyBase64() {
        return base64(publicKey.getEncoded());
    }

    /**
     * The key's fingerprint: SHA-256 of its X.509 encoding (the DER bytes inside the PEM), in hexadecimal. A reader
     * compares it with {@code openssl pkey -pubin -in key.pem -outform DER | sha256sum} to know which key signed.
     */
    public String fingerprint() {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                                                                  .digest(publicKey.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + publicKeyBase64() + "\n-----END PUBLIC KEY-----\n";
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required by the Java platform", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}

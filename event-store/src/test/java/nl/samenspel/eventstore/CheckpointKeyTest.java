package nl.samenspel.eventstore;

import nl.samenspel.verify.Anchor;
import nl.samenspel.verify.Signatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Receipts and checkpoints are signed with a faster implementation than the JDK's, and must come out exactly as the
 * JDK signs them: auditors check them with the JDK (and the published verifiers), against the published key.
 */
class CheckpointKeyTest {

    @Test
    void signaturesAreTheJdksBytesAndVerifyAgainstThePublishedKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("checkpoint.key");
        CheckpointKey key = CheckpointKey.inFile(file);
        List<String> lines = Files.readAllLines(file);
        PrivateKey jdkKey = KeyFactory.getInstance("Ed25519")
                                      .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0))));
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            Anchor unsigned = new Anchor(random.nextBoolean() ? "receipt" : "checkpoint", "network-" + random.nextInt(),
                                         random.nextInt(100_000), Long.toHexString(random.nextLong()),
                                         "2026-12-0" + (1 + random.nextInt(9)) + "T10:00:00Z", null);
            String signature = key.sign(unsigned);

            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initSign(jdkKey);
            jdk.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
            assertThat(signature).isEqualTo(Base64.getEncoder().encodeToString(jdk.sign()));

            Anchor signed = new Anchor(unsigned.kind(), unsigned.network(), unsigned.sequence(), unsigned.hash(),
                                       unsigned.time(), signature);
            assertThat(Signatures.verify(Signatures.publicKey(key.publicKeyBase64()), signed)).isTrue();
            Anchor altered = new Anchor(unsigned.kind(), unsigned.network(), unsigned.sequence() + 1, unsigned.hash(),
                                        unsigned.time(), signature);
            assertThat(Signatures.verify(key.publicKey(), altered)).isFalse();
        }
        // The same file gives the same key after a restart.
        Anchor probe = new Anchor("receipt", "n", 1, "h", "t", null);
        assertThat(CheckpointKey.inFile(file).sign(probe)).isEqualTo(key.sign(probe));
    }

    @Test
    void aPublicKeyOfAnotherPairIsRefused(@TempDir Path dir) throws Exception {
        CheckpointKey.inFile(dir.resolve("one.key"));
        CheckpointKey.inFile(dir.resolve("other.key"));
        List<String> one = Files.readAllLines(dir.resolve("one.key"));
        List<String> other = Files.readAllLines(dir.resolve("other.key"));
        assertThat(CheckpointKey.of(one.get(0), one.get(1)).publicKeyBase64()).isEqualTo(one.get(1));
        assertThatThrownBy(() -> CheckpointKey.of(one.get(0), other.get(1))).isInstanceOf(IllegalStateException.class)
                                                                            .hasMessageContaining("do not belong together");
    }
}

package nl.samenspel.verify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Ed25519 (JDK built-in) checks of checkpoint and receipt signatures. */
public final class Signatures {

    private Signatures() {
    }

    /**
     * Reads a public key as published by the platform: base64 of the X.509 SubjectPublicKeyInfo, bare or inside
     * {@code -----BEGIN PUBLIC KEY-----} lines.
     */
    public static PublicKey publicKey(String text) {
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    public static boolean verify(PublicKey key, Anchor anchor) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(anchor.signedText().getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(anchor.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}

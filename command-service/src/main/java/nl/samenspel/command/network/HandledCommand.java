package nl.samenspel.command.network;

import nl.samenspel.kernel.network.CommandOutcome;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A command the network has already handled: its fingerprint (to tell a resend from a different command that reuses
 * the id) and the outcome to answer a resend with.
 */
record HandledCommand(String fingerprint, CommandOutcome outcome) {

    /** A stable digest of the command's content; records print their components in a fixed order. */
    static String fingerprint(Object command) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(command.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

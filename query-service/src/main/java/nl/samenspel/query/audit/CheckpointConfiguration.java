package nl.samenspel.query.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * Where the checkpoint key comes from: {@code samenspel.checkpoints.private-key} and {@code .public-key} (base64, e.g.
 * {@code SAMENSPEL_CHECKPOINTS_PRIVATE_KEY} and {@code SAMENSPEL_CHECKPOINTS_PUBLIC_KEY} in production), else the file
 * {@code samenspel.checkpoints.key-file} (made on first start; the embedded default keeps it in its data directory),
 * else a key for this run only.
 */
@Configuration
public class CheckpointConfiguration {
    private static final Logger log = LoggerFactory.getLogger(CheckpointConfiguration.class);

    @Bean
    public CheckpointKey checkpointKey(@Value("${samenspel.checkpoints.private-key:}") String privateKey,
                                       @Value("${samenspel.checkpoints.public-key:}") String publicKey,
                                       @Value("${samenspel.checkpoints.key-file:}") String keyFile) {
        if (!privateKey.isBlank() || !publicKey.isBlank()) {
            return CheckpointKey.of(privateKey, publicKey);
        }
        if (!keyFile.isBlank()) {
            return CheckpointKey.inFile(Path.of(keyFile));
        }
        log.warn("No checkpoint key is configured (samenspel.checkpoints.*): checkpoints are signed with a key for this "
                         + "run only and cannot be checked after a restart");
        return CheckpointKey.ephemeral();
    }
}

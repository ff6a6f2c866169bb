package nl.samenspel.support.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Creates the first platform admin from configuration on first start, when there is no admin yet. There is no
 * built-in password: without configuration there is no admin, and the log says how to create one.
 */
public class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserStore users;
    private final SecurityProperties properties;

    public AdminBootstrap(UserStore users, SecurityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String metricsPassword = properties.metricsPassword();
        if (metricsPassword != null && !metricsPassword.isBlank()) {
            if (metricsPassword.length() < 12) {
                throw new IllegalStateException("SAMENSPEL_METRICS_PASSWORD must be at least 12 characters");
            }
            users.ensureMonitoring(properties.metricsUsername(), metricsPassword);
        }
        if (users.anyAdmin()) {
            return;
        }
        String username = properties.adminUsername();
        String password = properties.adminPassword();
        if (username == null || username.isBlank() || password == null || password.length() < 12) {
            log.warn("There is no platform admin. Set SAMENSPEL_ADMIN_USERNAME and SAMENSPEL_ADMIN_PASSWORD "
                             + "(at least 12 characters) and restart to create one.");
            return;
        }
        try {
            users.create(username, "Platform admin", password, true);
            log.info("Created the first platform admin '{}'", username);
        } catch (RuntimeException alreadyCreated) {
            log.debug("Another instance created the first admin");
        }
    }
}

package nl.samenspel.platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules a real deployment from {@code docker-compose.yml} relies on, read from the file itself: a missing secret
 * refuses the start with a message instead of becoming an empty string, MongoDB requires authentication and has a
 * memory cap, Docker waits longer than the services drain, the services can be scaled behind the proxy, and logs are
 * rotated. The file is taken from {@code samenspel.compose.file} when that is set (to check an older version).
 */
class ComposeDeploymentTest {
    /** Every value a deployment must supply; none of them may fall back to a default. */
    private static final Set<String> REQUIRED = Set.of(
            "SAMENSPEL_TOKEN_SECRET", "SAMENSPEL_ADMIN_USERNAME", "SAMENSPEL_ADMIN_PASSWORD",
            "SAMENSPEL_CHECKPOINTS_PRIVATE_KEY", "SAMENSPEL_CHECKPOINTS_PUBLIC_KEY",
            "SAMENSPEL_MONGO_ROOT_PASSWORD", "SAMENSPEL_MONGO_PASSWORD", "SAMENSPEL_MONGO_KEYFILE",
            "SAMENSPEL_TLS_DIR");
    /** Names that hold a secret, wherever they appear. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|PRIVATE_KEY|KEYFILE).*");
    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME?message}}, … as Compose interpolates them. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)((:?[-?])([^}]*))?}");
    private static final Set<String> SCALED = Set.of("command-service", "query-service");
    private static final Set<String> SPRING_APPLICATIONS = Set.of("command-service", "query-service", "web");
    private static final Duration LEAST_GRACE = Duration.ofSeconds(40);

    private static Path file;
    private static String text;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        String configured = System.getProperty("samenspel.compose.file");
        file = configured == null || configured.isBlank() ? Path.of("..", "docker-compose.yml") : Path.of(configured);
        text = Files.readString(file);
        Map<String, Object> compose = new Yaml().load(text);
        services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).as("services in %s", file).isNotEmpty();
    }

    @Test
    void everySecretIsRequiredWithAMessageNamingIt() {
        Map<String, List<String>> uses = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            uses.computeIfAbsent(m.group(1), name -> new ArrayList<>()).add(m.group());
        }
        uses.forEach((name, occurrences) -> {
            if (REQUIRED.contains(name) || SECRET_NAME.matcher(name).matches()) {
                for (String use : occurrences) {
                    Matcher one = VARIABLE.matcher(use);
                    assertThat(one.matches()).isTrue();
                    assertThat(one.group(3)).as("%s must be ${%s:?message}", use, name).isEqualTo(":?");
                    assertThat(one.group(4)).as("the message of %s", use).contains(name);
                }
            }
        });
        assertThat(uses.keySet()).as("variables of %s", file).containsAll(REQUIRED);
    }

    @Test
    void mongoRequiresAuthenticationAndTheServicesLogInWithDurableWrites() {
        Map<String, Object> mongo = services.get("mongo");
        assertThat(mongo).isNotNull();
        List<String> command = strings(mongo.get("command"));
        assertThat(command).as("mongod arguments").contains("--keyFile", "--replSet", "--wiredTigerCacheSizeGB");
        Map<String, String> env = environment(mongo);
        assertThat(env.get("MONGO_INITDB_ROOT_USERNAME")).as("root user").isNotBlank();
        assertThat(env.get("MONGO_INITDB_ROOT_PASSWORD")).as("root password").startsWith("${").contains(":?");
        assertThat(mongo.get("mem_limit")).as("a memory cap for MongoDB").isNotNull();

        for (String service : SCALED) {
            String uri = environment(services.get(service)).get("MONGODB_URI");
            assertThat(uri).as("%s MONGODB_URI", service)
                    .matches("mongodb://[^:/@]+:[^@]+@mongo:27017/.*")
                    .contains("authSource=", "replicaSet=rs0", "w=majority", "journal=true",
                              "readConcernLevel=majority");
        }
    }

    @Test
    void dockerWaitsLongerThanTheServicesDrain() {
        services.forEach((name, service) -> {
            Object grace = service.get("stop_grace_period");
            assertThat(grace).as("stop_grace_period of %s", name).isNotNull();
            Duration period = duration(grace.toString());
            assertThat(period).as("stop_grace_period of %s", name).isGreaterThanOrEqualTo(LEAST_GRACE);
            if (SPRING_APPLICATIONS.contains(name)) {
                String phase = environment(service).get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE");
                assertThat(phase).as("the drain time-out of %s", name).isNotBlank();
                assertThat(duration(phase).plusSeconds(10)).as("drain of %s plus 10 s within its grace period", name)
                        .isLessThanOrEqualTo(period);
            }
        });
    }

    @Test
    void theServicesCanBeScaledBehindTheProxy() throws IOException {
        for (String name : SCALED) {
            Map<String, Object> service = services.get(name);
            assertThat(service).as(name).isNotNull();
            assertThat(service).as("%s publishes no host port and has no fixed container name", name)
                    .doesNotContainKeys("ports", "container_name");
            assertThat(String.valueOf(environment(service).get("SAMENSPEL_SECURITY_MAX_CONNECTIONS_PER_ADDRESS")))
                    .as("behind the proxy every connection comes from one address").isEqualTo("0");
            String health = String.join(" ", strings(((Map<?, ?>) service.get("healthcheck")).get("test")));
            assertThat(health).as("%s healthcheck", name).contains("/actuator/health/readiness");
        }

        Map<String, Object> proxy = services.get("proxy");
        assertThat(proxy).as("a proxy service").isNotNull();
        assertThat(strings(proxy.get("ports"))).as("the proxy publishes HTTPS").anyMatch(p -> p.endsWith(":443"));
        StringBuilder config = new StringBuilder();
        for (String volume : strings(proxy.get("volumes"))) {
            if (volume.startsWith("./")) {
                Path mounted = file.toAbsolutePath().getParent().resolve(volume.substring(0, volume.indexOf(':')));
                assertThat(mounted).as("mounted into the proxy").isRegularFile();
                config.append(Files.readString(mounted));
            }
        }
        assertThat(config.toString()).as("the proxy's configuration")
                .contains("command-service:8081", "query-service:8082", "web:8080", "ssl_certificate");
    }

    @Test
    void everyContainersLogIsRotated() {
        services.forEach((name, service) -> {
            assertThat(service.get("logging")).as("logging of %s", name).isInstanceOf(Map.class);
            Map<?, ?> logging = (Map<?, ?>) service.get("logging");
            assertThat(logging.get("options")).as("logging options of %s", name).isInstanceOf(Map.class);
            Map<?, ?> options = (Map<?, ?>) logging.get("options");
            assertThat(options.get("max-size")).as("max-size of %s", name).isNotNull();
            assertThat(options.get("max-file")).as("max-file of %s", name).isNotNull();
        });
    }

    @Test
    void theImageBuildCopiesThePomOfEveryModuleBeforeFetchingDependencies() throws IOException {
        Path root = Path.of("..");
        List<String> modules = new ArrayList<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
        while (module.find()) {
            modules.add(module.group(1));
        }
        String dockerfile = Files.readString(root.resolve("Dockerfile"));
        assertThat(modules).isNotEmpty().allSatisfy(name -> assertThat(dockerfile)
                .as("the Dockerfile copies %s/pom.xml", name).contains("COPY " + name + "/pom.xml " + name + "/"));
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(k.toString(), v == null ? null : v.toString()));
        } else if (raw instanceof List<?> list) {
            for (Object entry : list) {
                String s = entry.toString();
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return env;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        } else if (value != null) {
            out.add(value.toString());
        }
        return out;
    }

    /** Compose durations: {@code 45s}, {@code 1m30s}, {@code 500ms}, {@code 2h}. */
    static Duration duration(String value) {
        Matcher part = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(value.trim());
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long n = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            end = part.end();
        }
        assertThat(end).as("a duration: %s", value).isEqualTo(value.trim().length()).isPositive();
        return total;
    }
}

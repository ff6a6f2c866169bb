package nl.samenspel.platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules a real deployment from {@code docker-compose.yml} relies on, read from the file itself: the file reads
 * before {@code .env} is filled in ({@code docker compose config}), a missing or malformed secret stops the start with a
 * message naming it (the settings check runs first, and is run here) instead of becoming an empty string, MongoDB
 * requires authentication and has a memory cap, Docker waits longer than the services drain, the services can be
 * scaled behind the proxy, and logs are rotated. The file is taken from {@code samenspel.compose.file} when that is set
 * (to check an older version).
 */
class ComposeDeploymentTest {
    /** Every value a deployment must supply; none of them may fall back to a value of its own. */
    private static final Set<String> REQUIRED = Set.of(
            "SAMENSPEL_TOKEN_SECRET", "SAMENSPEL_ADMIN_USERNAME", "SAMENSPEL_ADMIN_PASSWORD",
            "SAMENSPEL_METRICS_PASSWORD", "SAMENSPEL_CHECKPOINTS_PRIVATE_KEY", "SAMENSPEL_CHECKPOINTS_PUBLIC_KEY",
            "SAMENSPEL_MONGO_ROOT_PASSWORD", "SAMENSPEL_MONGO_PASSWORD", "SAMENSPEL_MONGO_KEYFILE");
    /** The service that checks the settings before any other starts, and the script it runs. */
    private static final String SETTINGS = "settings";
    private static final Path CHECK = Path.of("..", "deploy", "check-settings.sh");
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
    void theFileReadsBeforeItsSecretsAreSetAndNeverGivesASecretAValueOfItsOwn() {
        Map<String, List<String>> uses = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            uses.computeIfAbsent(m.group(1), name -> new ArrayList<>()).add(m.group());
        }
        uses.forEach((name, occurrences) -> {
            for (String use : occurrences) {
                Matcher one = VARIABLE.matcher(use);
                assertThat(one.matches()).isTrue();
                assertThat(one.group(3)).as("%s: a missing value must not stop `docker compose config`", use)
                        .isEqualTo(":-");
                if (REQUIRED.contains(name) || SECRET_NAME.matcher(name).matches()) {
                    assertThat(one.group(4)).as("%s: a secret has no value of its own", use).isEmpty();
                }
            }
        });
        assertThat(uses.keySet()).as("variables of %s", file).containsAll(REQUIRED).contains("SAMENSPEL_TLS_DIR");
    }

    @Test
    void theSettingsAreCheckedBeforeAnyOtherServiceStarts() {
        Map<String, Object> settings = services.get(SETTINGS);
        assertThat(settings).as("a service %s", SETTINGS).isNotNull();
        assertThat(environment(settings).keySet()).as("what %s checks", SETTINGS).containsAll(REQUIRED);
        assertThat(strings(settings.get("volumes"))).as("%s runs the script of the repository", SETTINGS)
                .anyMatch(volume -> volume.startsWith("./deploy/check-settings.sh:"));
        services.keySet().stream().filter(name -> !name.equals(SETTINGS)).forEach(name -> assertThat(
                startsAfterSettings(name, new HashSet<>()))
                .as("%s starts only once %s has completed successfully", name, SETTINGS).isTrue());
    }

    @Test
    void theSettingsCheckNamesEveryValueThatIsMissingOrMalformedAndPassesACompleteSet(@TempDir Path tls)
            throws Exception {
        Files.writeString(tls.resolve("fullchain.pem"), "-----BEGIN CERTIFICATE-----\n");
        Files.writeString(tls.resolve("privkey.pem"), "-----BEGIN PRIVATE KEY-----\n");
        Map<String, String> complete = completeSettings(tls);
        Check passed = check(complete);
        assertThat(passed.exit()).as(passed.output()).isZero();

        Check empty = check(Map.of("SAMENSPEL_TLS_DIR", tls.toString()));
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.output()).contains(REQUIRED).doesNotContain("fullchain.pem");

        for (String name : REQUIRED) {
            Map<String, String> without = new LinkedHashMap<>(complete);
            without.remove(name);
            Check missing = check(without);
            assertThat(missing.exit()).as("without %s", name).isEqualTo(1);
            assertThat(missing.output()).as("without %s", name).contains("set " + name + " in .env")
                    .contains("1 setting(s)");
        }
        Map<String, String> malformed = new LinkedHashMap<>(complete);
        malformed.put("SAMENSPEL_TOKEN_SECRET", "too short");
        malformed.put("SAMENSPEL_MONGO_PASSWORD", "has:a@colon");
        Check wrong = check(malformed);
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.output()).contains("SAMENSPEL_TOKEN_SECRET in .env is not as it must be",
                                            "SAMENSPEL_MONGO_PASSWORD in .env is not as it must be", "2 setting(s)")
                                  .doesNotContain("too short", "has:a@colon");

        Files.delete(tls.resolve("privkey.pem"));
        Check noKey = check(complete);
        assertThat(noKey.exit()).isEqualTo(1);
        assertThat(noKey.output()).contains("put privkey.pem in " + tls).doesNotContain("put fullchain.pem");
    }

    @Test
    void mongoRequiresAuthenticationAndTheServicesLogInWithDurableWrites() {
        Map<String, Object> mongo = services.get("mongo");
        assertThat(mongo).isNotNull();
        List<String> command = strings(mongo.get("command"));
        assertThat(command).as("mongod arguments").contains("--keyFile", "--replSet", "--wiredTigerCacheSizeGB");
        Map<String, String> env = environment(mongo);
        assertThat(env.get("MONGO_INITDB_ROOT_USERNAME")).as("root user").isNotBlank();
        assertThat(env.get("MONGO_INITDB_ROOT_PASSWORD")).as("root password")
                .isEqualTo("${SAMENSPEL_MONGO_ROOT_PASSWORD:-}");
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
            if ("no".equals(String.valueOf(service.get("restart")))) {
                return; // a check that ends by itself: nothing to drain
            }
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

    /** Whether {@code name} waits, directly or through what it depends on, for the settings check to succeed. */
    private static boolean startsAfterSettings(String name, Set<String> seen) {
        if (!seen.add(name)) {
            return false;
        }
        Object dependsOn = services.get(name).get("depends_on");
        if (dependsOn instanceof Map<?, ?> conditions) {
            for (Map.Entry<?, ?> dependency : conditions.entrySet()) {
                String on = dependency.getKey().toString();
                Object condition = dependency.getValue() instanceof Map<?, ?> c ? c.get("condition") : null;
                if (on.equals(SETTINGS) ? "service_completed_successfully".equals(condition)
                                        : startsAfterSettings(on, seen)) {
                    return true;
                }
            }
        } else {
            for (String on : strings(dependsOn)) {
                if (!on.equals(SETTINGS) && startsAfterSettings(on, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A set of values as .env.example says to make them, the TLS directory being {@code tls}. */
    private static Map<String, String> completeSettings(Path tls) throws Exception {
        SecureRandom random = new SecureRandom();
        Base64.Encoder base64 = Base64.getEncoder();
        byte[] secret = new byte[48];
        byte[] keyFile = new byte[756];
        random.nextBytes(secret);
        random.nextBytes(keyFile);
        KeyPair checkpoints = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("SAMENSPEL_TOKEN_SECRET", base64.encodeToString(secret));
        values.put("SAMENSPEL_ADMIN_USERNAME", "admin");
        values.put("SAMENSPEL_ADMIN_PASSWORD", "a password of some length");
        values.put("SAMENSPEL_METRICS_PASSWORD", "another long password");
        values.put("SAMENSPEL_CHECKPOINTS_PRIVATE_KEY", base64.encodeToString(checkpoints.getPrivate().getEncoded()));
        values.put("SAMENSPEL_CHECKPOINTS_PUBLIC_KEY", base64.encodeToString(checkpoints.getPublic().getEncoded()));
        values.put("SAMENSPEL_MONGO_ROOT_PASSWORD", "root password");
        values.put("SAMENSPEL_MONGO_PASSWORD", HexFormat.of().formatHex(secret));
        values.put("SAMENSPEL_MONGO_KEYFILE", base64.encodeToString(keyFile));
        values.put("SAMENSPEL_TLS_DIR", tls.toString());
        return values;
    }

    private record Check(int exit, String output) {
    }

    /** Runs the settings check with bash, with {@code values} as its only settings. */
    private static Check check(Map<String, String> values) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", CHECK.toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SAMENSPEL_"));
        builder.environment().putAll(values);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Check(process.exitValue(), output);
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

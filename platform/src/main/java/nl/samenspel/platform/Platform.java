package nl.samenspel.platform;

import nl.samenspel.command.CommandServiceApplication;
import nl.samenspel.eventstore.CheckpointKey;
import nl.samenspel.query.QueryServiceApplication;
import nl.samenspel.web.WebApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The command-service and the query-service running side by side in one process against one MongoDB, each in an
 * application context of its own, exactly as they run apart in a real deployment; and, when asked, the web
 * application as a third context that calls them over HTTP like any other client.
 */
public final class Platform implements AutoCloseable {
    /** The services never serve pages; the web application's template engine is for the web context only. */
    private static final String NO_PAGES =
            "--spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration";

    private final ConfigurableApplicationContext commands;
    private final ConfigurableApplicationContext queries;
    private volatile ConfigurableApplicationContext web;

    private Platform(ConfigurableApplicationContext commands, ConfigurableApplicationContext queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * Starts both services on {@code mongoUri}. Ports of 0 pick free ones. Extra arguments ({@code --key=value}) go
     * to both services.
     */
    public static Platform start(String mongoUri, int commandPort, int queryPort, String... extraArgs) {
        return start(mongoUri, commandPort, queryPort, commands -> { }, extraArgs);
    }

    /**
     * As {@link #start(String, int, int, String...)}, calling {@code whenCommandsStarted} with the command-service's
     * context once it runs, before its start-up tasks (such as the check for a platform admin) and before the
     * query-service starts.
     */
    public static Platform start(String mongoUri, int commandPort, int queryPort,
                                 Consumer<ConfigurableApplicationContext> whenCommandsStarted, String... extraArgs) {
        ApplicationListener<ApplicationStartedEvent> started = new ApplicationListener<>() {
            @Override
            public void onApplicationEvent(ApplicationStartedEvent event) {
                whenCommandsStarted.accept(event.getApplicationContext());
            }
        };
        ConfigurableApplicationContext commands = run(CommandServiceApplication.application().listeners(started),
                                                      mongoUri, commandPort, extraArgs);
        try {
            // Receipts (signed by the command side) and checkpoints (query side) must verify with one public key, also
            // when no key is configured and each side would otherwise make one for the run.
            CheckpointKey key = commands.getBean(CheckpointKey.class);
            SpringApplicationBuilder queryApp = QueryServiceApplication.application().initializers(
                    context -> context.getBeanFactory().registerSingleton("checkpointKey", key));
            return new Platform(commands, run(queryApp, mongoUri, queryPort, extraArgs));
        } catch (RuntimeException e) {
            commands.close();
            throw e;
        }
    }

    private static ConfigurableApplicationContext run(SpringApplicationBuilder app, String mongoUri, int port,
                                                      String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--spring.data.mongodb.uri=" + mongoUri, "--server.port=" + port,
                                                    NO_PAGES));
        args.addAll(List.of(extraArgs));
        return app.listeners(new ServiceName.OnStart()).registerShutdownHook(false).run(args.toArray(String[]::new));
    }

    /**
     * Starts the web application on {@code port} (0 picks a free one), pointed at this platform's two services; it
     * stops with the platform.
     */
    public Platform startWeb(int port) {
        return startWeb(port, null);
    }

    /** As {@link #startWeb(int)}, listening on {@code address} only (null: as configured, by default every interface). */
    public Platform startWeb(int port, String address) {
        return startWeb(port, address, false);
    }

    /**
     * As {@link #startWeb(int, String)}; with {@code demoLogins} the login page says where the demo logins are (a
     * platform on the embedded store, which creates them), else whom to ask for an account.
     */
    public Platform startWeb(int port, String address, boolean demoLogins) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port, "--samenspel.web.command-url=http://127.0.0.1:" + commandPort(),
                "--samenspel.web.query-url=http://127.0.0.1:" + queryPort(),
                "--samenspel.web.demo-logins=" + demoLogins));
        if (address != null) {
            args.add("--server.address=" + address);
        }
        web = WebApplication.application().listeners(new ServiceName.OnStart()).registerShutdownHook(false)
                            .run(args.toArray(String[]::new));
        return this;
    }

    /** The web application's port, or -1 when it was not started. */
    public int webPort() {
        return web == null ? -1 : ((WebServerApplicationContext) web).getWebServer().getPort();
    }

    public int commandPort() {
        return ((WebServerApplicationContext) commands).getWebServer().getPort();
    }

    public int queryPort() {
        return ((WebServerApplicationContext) queries).getWebServer().getPort();
    }

    public ConfigurableApplicationContext commands() {
        return commands;
    }

    public ConfigurableApplicationContext queries() {
        return queries;
    }

    /**
     * Stops the pages first, then the query side, so no processor reads while the command side winds down. Each
     * context stops its web server (letting requests in progress finish) and its event processors before it closes
     * its connection to the store.
     */
    @Override
    public void close() {
        if (web != null) {
            close(web);
        }
        close(queries);
        close(commands);
    }

    private static void close(ConfigurableApplicationContext context) {
        ServiceName.during(context.getEnvironment().getProperty("spring.application.name"), context::close);
    }
}

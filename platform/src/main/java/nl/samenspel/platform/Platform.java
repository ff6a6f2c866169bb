package nl.samenspel.platform;

import nl.samenspel.command.CommandServiceApplication;
import nl.samenspel.query.QueryServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The command-service and the query-service running side by side in one process against one MongoDB, each in an
 * application context of its own, exactly as they run apart in a real deployment.
 */
public final class Platform implements AutoCloseable {
    private final ConfigurableApplicationContext commands;
    private final ConfigurableApplicationContext queries;

    private Platform(ConfigurableApplicationContext commands, ConfigurableApplicationContext queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * Starts both services on {@code mongoUri}. Ports of 0 pick free ones. Extra arguments ({@code --key=value}) go
     * to both services.
     */
    public static Platform start(String mongoUri, int commandPort, int queryPort, String... extraArgs) {
        ConfigurableApplicationContext commands = run(CommandServiceApplication.application(), mongoUri, commandPort, extraArgs);
        try {
            return new Platform(commands, run(QueryServiceApplication.application(), mongoUri, queryPort, extraArgs));
        } catch (RuntimeException e) {
            commands.close();
            throw e;
        }
    }

    private static ConfigurableApplicationContext run(SpringApplicationBuilder app, String mongoUri, int port,
                                                      String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--spring.data.mongodb.uri=" + mongoUri, "--server.port=" + port));
        args.addAll(List.of(extraArgs));
        return app.registerShutdownHook(false).run(args.toArray(String[]::new));
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

    /** Stops the query side first, so no processor reads while the command side winds down. */
    @Override
    public void close() {
        queries.close();
        commands.close();
    }
}

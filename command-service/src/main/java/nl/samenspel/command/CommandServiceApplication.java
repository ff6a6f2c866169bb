package nl.samenspel.command;

import nl.samenspel.command.api.CommandDispatcher;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

/** The command side: validates what coordinators log, lets the Network aggregate decide, appends the events. */
@SpringBootApplication
public class CommandServiceApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file, so it can share a JVM with the query-service. */
    public static SpringApplicationBuilder application() {
        System.setProperty("disable-axoniq-console-message", "true");
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties("spring.config.name=command-service");
    }

    /**
     * The server clock: recordedAt and the "not in the future" rule both come from it. Its zone
     * ({@code samenspel.zone}, Europe/Amsterdam unless set) decides which day today is, the same day the pages put in
     * a form, whatever zone the server runs in.
     */
    @Bean
    public Clock clock(@Value("${samenspel.zone:Europe/Amsterdam}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    /** Copies who recorded a command onto every event it causes, next to Axon's correlation and trace ids. */
    @Bean
    public CorrelationDataProvider recordedByProvider() {
        return new SimpleCorrelationDataProvider(CommandDispatcher.RECORDED_BY, CommandDispatcher.RECORDED_AS);
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}

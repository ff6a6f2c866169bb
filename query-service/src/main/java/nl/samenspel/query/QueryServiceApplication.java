package nl.samenspel.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

/** The query side: folds the event stream into read models and answers questions about networks. */
@SpringBootApplication
public class QueryServiceApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file, so it can share a JVM with the command-service. */
    public static SpringApplicationBuilder application() {
        System.setProperty("disable-axoniq-console-message", "true");
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties("spring.config.name=query-service");
    }

    /**
     * "Today" for the views, in the zone {@code samenspel.zone} (Europe/Amsterdam unless set), as the commands and the
     * pages reckon it: months and windows end at that date, overdue is judged against it.
     */
    @Bean
    public Clock clock(@Value("${samenspel.zone:Europe/Amsterdam}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}

package nl.samenspel.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The query side: folds the event stream into read models and answers questions about networks. */
@SpringBootApplication
public class QueryServiceApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** What "today" is when a view judges dates (overdue agreements and actions). */
    @Bean
    public Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** The application with its own configuration file, so it can share a JVM with the command-service. */
    public static SpringApplicationBuilder application() {
        System.setProperty("disable-axoniq-console-message", "true");
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties("spring.config.name=query-service");
    }

    /** "Today" for the health views: months and windows end at the server's date. */
    @Bean
    public Clock clock() {
        return Clock.systemDefaultZone();
    }
}

package nl.samenspel.platform;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.env.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Which of the services sharing this JVM a thread works for, so each log line can name it. Spring Boot prints one
 * application name per JVM, the first context's; here the name is set on the starting thread as each context starts,
 * and the threads a context starts (web server, event processors, database driver) inherit it.
 */
public final class ServiceName {
    private static final InheritableThreadLocal<String> CURRENT = new InheritableThreadLocal<>();

    private ServiceName() {
    }

    static String current() {
        return CURRENT.get();
    }

    /** Runs {@code action} as {@code name} on this thread, and restores the name it had. */
    static void during(String name, Runnable action) {
        String before = CURRENT.get();
        CURRENT.set(name);
        try {
            action.run();
        } finally {
            CURRENT.set(before);
        }
    }

    /** Marks the starting thread with the application's {@code spring.application.name} before anything logs. */
    static final class OnStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            CURRENT.set(event.getEnvironment().getProperty("spring.application.name"));
        }

        @Override
        public int getOrder() {
            // After the configuration files are read (which names the application), before logging starts.
            return EnvironmentPostProcessorApplicationListener.DEFAULT_ORDER + 1;
        }
    }

    /** {@code %service} in a Logback pattern: {@code [query-service] }, or nothing outside any service. */
    public static final class Converter extends ClassicConverter {
        @Override
        public String convert(ILoggingEvent event) {
            String name = CURRENT.get();
            return name == null ? "" : "[" + name + "] ";
        }
    }
}

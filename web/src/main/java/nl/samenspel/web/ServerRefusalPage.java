package nl.samenspel.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The page a browser gets when the server itself refuses a request before the application sees it (an address or a
 * header too long to read): a short page in both languages with a way back, instead of the server's own page with its
 * name, version and stack trace. The language of the session is not known at that point, so both are said.
 */
@Component
public class ServerRefusalPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Samenspel</title></head>
            <body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
            <h1>Samenspel</h1>
            <p>Dit verzoek kon niet worden gelezen: het adres of de cookies zijn te lang, of het verzoek is niet goed
            opgebouwd. Ga terug en kies minder filters, of begin opnieuw vanaf <a href="/">Mijn netwerken</a>; helpt dat
            niet, wis dan de cookies van deze site en log opnieuw in.</p>
            <p lang="en">This request could not be read: its address or its cookies are too long, or the request is not
            well-formed. Go back and choose fewer filters, or start again from <a href="/">My networks</a>; if that does
            not help, clear this site's cookies and log in again.</p>
            </body></html>
            """;

    /** After Spring Boot's own server customizer, which puts a plain report valve in the same place. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // Added after any valve Spring Boot put there, so this one reports first (a report is made once, by the first
        // that tries); and named as the host's report valve, so the host adds no default one, which would report first.
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(PageValve.class.getName());
            }
            context.getParent().getPipeline().addValve(new PageValve());
        });
    }

    /** Writes the short page for any refusal that no part of the application answered. */
    public static final class PageValve extends ErrorReportValve {
        public PageValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(PAGE);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the browser is gone, or the answer was begun after all: nothing more to say
            }
        }
    }
}

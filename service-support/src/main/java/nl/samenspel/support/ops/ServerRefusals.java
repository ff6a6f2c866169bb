package nl.samenspel.support.ops;

import org.apache.catalina.connector.Request;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a service answers when the server itself refuses a request before the application sees it (a header or an
 * address too large to read, a malformed request line): a problem document like every other refusal of the API,
 * instead of the server's HTML page with its name and version (and, for the requests no application was found for,
 * its stack trace).
 */
public final class ServerRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

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
                host.setErrorReportValveClass(ProblemValve.class.getName());
            }
            context.getParent().getPipeline().addValve(new ProblemValve());
        });
    }

    /** Writes the refusal as {@code application/problem+json}: its status, title and what to do. */
    public static final class ProblemValve extends ErrorReportValve {
        public ProblemValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = status == 400
                    ? "The request could not be read: its address or a header is too large, or it is not well-formed HTTP."
                    : "The request was refused before it reached the service.";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                                 + ",\"detail\":\"" + detail + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone, or the answer was begun after all: nothing more to say
            }
        }
    }
}

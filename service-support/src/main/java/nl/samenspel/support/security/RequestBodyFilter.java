package nl.samenspel.support.security;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads every request body in full before anything else sees the request: within a size limit, within a deadline, and
 * without holding a worker thread while the bytes arrive.
 *
 * <p>The servlet container reads a body on a worker thread when the application reads it, and a read that waits for
 * the client blocks that thread. A client that sends its body a byte at a time therefore held a worker for as long as
 * it liked, and a few hundred of them held every worker. Here the body is read with non-blocking I/O: the worker is
 * given back while the client is slow, the bytes are collected as they come, and the request is dispatched again, with
 * its body from memory, once the last byte is in. A body that is not complete within the deadline is answered with 408
 * and its connection closed; one that grows past the limit with 413, also when the client announced no length. With a
 * deadline of zero the body is left to the application as before (a chunked one is read in full here first, to check
 * its size).
 */
public class RequestBodyFilter extends OncePerRequestFilter {
    private static final String BODY = RequestBodyFilter.class.getName() + ".body";

    private final long maxBytes;
    private final Duration deadline;
    private final ProblemWriter problems;

    public RequestBodyFilter(long maxBytes, Duration deadline, ProblemWriter problems) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.problems = problems;
    }

    /** The second pass of a request, once its body has been read, is an async dispatch: it must come through here. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(BODY) instanceof byte[] body) {
            request.removeAttribute(BODY);
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        long announced = request.getContentLengthLong();
        if (announced > maxBytes) {
            refuse(response, HttpStatus.PAYLOAD_TOO_LARGE);
            return;
        }
        boolean chunked = isChunked(request);
        if (announced <= 0 && !chunked) {
            chain.doFilter(request, response);
        } else if (deadline.isZero() || deadline.isNegative() || !request.isAsyncSupported()) {
            readInTheApplication(request, response, chain, chunked);
        } else {
            AsyncContext async = request.startAsync(request, response);
            async.setTimeout(deadline.toMillis());
            BodyReader reader = new BodyReader(async, request.getInputStream(), response,
                                               announced > 0 ? (int) announced : 8192);
            async.addListener(reader);
            request.getInputStream().setReadListener(reader);
        }
    }

    private void readInTheApplication(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                      boolean chunked) throws IOException, ServletException {
        if (!chunked) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            refuse(response, HttpStatus.PAYLOAD_TOO_LARGE);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    /** Answers a refusal and closes the connection, so the container does not read the rest of the body to reuse it. */
    private void refuse(HttpServletResponse response, HttpStatus status) throws IOException {
        response.setHeader("Connection", "close");
        if (status == HttpStatus.PAYLOAD_TOO_LARGE) {
            problems.write(response, status, "Request too large",
                           "The request body may be at most " + maxBytes + " bytes.", "body");
        } else {
            problems.write(response, status, "Request body too slow",
                           "The request body must arrive within " + deadline.toMillis() + " ms.", "body");
        }
    }

    private static boolean isChunked(HttpServletRequest request) {
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase().contains("chunked");
    }

    /**
     * Collects a body as the container hands it over, on whichever thread it does so; exactly one outcome wins: the
     * whole body (dispatch), too large (413), too late (408) or a broken connection.
     */
    private final class BodyReader implements ReadListener, AsyncListener {
        private final AsyncContext async;
        private final ServletInputStream in;
        private final HttpServletResponse response;
        private final ByteArrayOutputStream body;
        private final byte[] buffer = new byte[8192];
        private final AtomicBoolean decided = new AtomicBoolean();

        BodyReader(AsyncContext async, ServletInputStream in, HttpServletResponse response, int expected) {
            this.async = async;
            this.in = in;
            this.response = response;
            this.body = new ByteArrayOutputStream(Math.min(expected, 65536));
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!decided.get() && in.isReady() && !in.isFinished()) {
                int read = in.read(buffer);
                if (read < 0) {
                    return;
                }
                body.write(buffer, 0, read);
                if (body.size() > maxBytes) {
                    refuseOnce(HttpStatus.PAYLOAD_TOO_LARGE);
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            if (decided.compareAndSet(false, true)) {
                async.getRequest().setAttribute(BODY, body.toByteArray());
                async.dispatch();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            refuseOnce(HttpStatus.REQUEST_TIMEOUT);
        }

        @Override
        public void onError(Throwable broken) {
            if (decided.compareAndSet(false, true)) {
                async.complete();
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        private void refuseOnce(HttpStatus status) throws IOException {
            if (decided.compareAndSet(false, true)) {
                try {
                    refuse(response, status);
                } finally {
                    async.complete();
                }
            }
        }
    }

    /**
     * The request with its (already read, within the limit) body served from memory. After a non-blocking read it
     * arrives in an async dispatch; it presents itself as the request dispatch it is to the application, so every filter
     * behind this one (authentication, CSRF, headers) treats it as the request it is and not as the continuation of one.
     */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;
        private Map<String, String[]> parameters;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public DispatcherType getDispatcherType() {
            return DispatcherType.REQUEST;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body was already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        // The container parses form parameters from the body it holds, which was read here already: a form (the login
        // page, its CSRF token) is parsed from the buffered copy instead.
        @Override
        public String getParameter(String name) {
            String[] values = parameters().get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(parameters());
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters().get(name);
            return values == null ? null : values.clone();
        }

        private Map<String, String[]> parameters() {
            if (!isForm()) {
                return super.getParameterMap();
            }
            if (parameters == null) {
                Map<String, List<String>> collected = new LinkedHashMap<>();
                parse(getQueryString(), StandardCharsets.UTF_8, collected);
                parse(new String(body, StandardCharsets.ISO_8859_1), charset(), collected);
                parameters = new LinkedHashMap<>();
                collected.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
            }
            return parameters;
        }

        private boolean isForm() {
            try {
                return getContentType() != null && MediaType.APPLICATION_FORM_URLENCODED
                        .includes(MediaType.parseMediaType(getContentType()));
            } catch (RuntimeException notAMediaType) {
                return false;
            }
        }

        private static void parse(String encoded, Charset charset, Map<String, List<String>> into) {
            if (encoded == null || encoded.isEmpty()) {
                return;
            }
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                into.computeIfAbsent(decode(name, charset), key -> new ArrayList<>()).add(decode(value, charset));
            }
        }

        // The body was taken as ISO-8859-1 so each byte is one char; percent-decoding then yields the bytes again,
        // which are read in the form's own charset.
        private static String decode(String text, Charset charset) {
            String bytes = URLDecoder.decode(text, StandardCharsets.ISO_8859_1);
            return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), charset);
        }

        private Charset charset() {
            String encoding = getCharacterEncoding();
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (RuntimeException unknown) {
                return StandardCharsets.UTF_8;
            }
        }
    }
}

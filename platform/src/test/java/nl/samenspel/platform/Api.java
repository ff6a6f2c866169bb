package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A small real-HTTP client for the platform's two services, calling as a given user (or anonymously). */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** How a call authenticates: HTTP Basic, a bearer token, or nothing. */
    record Login(String authorization) {
        static final Login ANONYMOUS = new Login(null);

        static Login basic(String username, String password) {
            return new Login("Basic " + Base64.getEncoder()
                                              .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        static Login bearer(String token) {
            return new Login("Bearer " + token);
        }
    }

    private Api() {
    }

    record Response(int status, String contentType, String body, Map<String, List<String>> headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                          .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    static Response post(int port, String path, String body, Login login) {
        return send("POST", port, path, body, login);
    }

    static Response put(int port, String path, String body, Login login) {
        return send("PUT", port, path, body, login);
    }

    static Response delete(int port, String path, Login login) {
        return send("DELETE", port, path, null, login);
    }

    static Response get(int port, String path, Login login) {
        return send("GET", port, path, null, login);
    }

    static Response send(String method, int port, String path, String body, Login login) {
        return send(method, port, path, body, "application/json", login);
    }

    /** Sends {@code body} (JSON, CSV, JSON Lines, ...) as {@code contentType}. */
    static Response send(String method, int port, String path, String body, String contentType, Login login) {
        return send(method, port, path,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
                    body == null ? null : contentType, login);
    }

    /** A GET with extra request headers (name, value, name, value, ...). */
    static Response get(int port, String path, Login login, String... headers) {
        return send("GET", port, path, HttpRequest.BodyPublishers.noBody(), null, login, headers);
    }

    /** A GET whose answer is kept as the bytes that came over the wire (compressed ones too), with its headers. */
    static HttpResponse<byte[]> getBytes(int port, String path, Login login, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (login != null && login.authorization() != null) {
            request.header("Authorization", login.authorization());
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Response send(String method, int port, String path, HttpRequest.BodyPublisher body, String contentType,
                         Login login, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (login != null && login.authorization() != null) {
            request.header("Authorization", login.authorization());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                                response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.meshport.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client of the portal's REST API, as a pipeline would use it. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final @Nullable String token;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final @Nullable String portal;

    private Api(@Nullable String token) {
        this(token, null);
    }

    private Api(@Nullable String token, @Nullable String portal) {
        this.token = token;
        this.portal = portal;
    }

    public static Api as(String user) {
        return new Api(user.endsWith("-ci") ? Tokens.forPipeline(user) : Tokens.forUser(user));
    }

    /** A client sending this bearer token as it is: an API key's secret, say, or a token of no provider. */
    public static Api withToken(String token) {
        return new Api(token);
    }

    public static Api anonymous() {
        return new Api(null);
    }

    /**
     * The same client of the portal on {@code port} of this machine (the one on OpenSearch, say);
     * without it, the main test portal's.
     */
    public Api on(int port) {
        Api copy = new Api(token, "http://127.0.0.1:" + port);
        copy.headers.putAll(headers);
        return copy;
    }

    public Api header(String name, String value) {
        Api copy = new Api(token, portal);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    public Response put(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response putBytes(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response get(String path, String accept) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private Response send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create((portal == null ? TestInfrastructure.portalUrl() : portal) + path);
    }

    /** A response, with shortcuts for problem documents. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public @Nullable String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The pointers of a problem document's errors. */
        public java.util.List<String> pointers() {
            java.util.List<String> pointers = new java.util.ArrayList<>();
            json().path("errors")
                    .forEach(error -> pointers.add(error.path("pointer").asString()));
            return pointers;
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}

package io.meshport.openlineage;

import io.meshport.testing.TestInfrastructure;
import io.meshport.testing.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/lineage} as a pipeline sends it, with any headers and bytes. */
final class Lineage {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Response(int status, String body) {

        JsonNode json() {
            return TestEvents.JSON.readTree(body);
        }

        List<String> pointers() {
            List<String> pointers = new ArrayList<>();
            json().path("errors")
                    .forEach(error -> pointers.add(error.path("pointer").asString()));
            return pointers;
        }

        String detail() {
            return json().path("detail").asString();
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        }
    }

    private Lineage() {}

    static Response post(String sender, String json) {
        return post(sender, json.getBytes(StandardCharsets.UTF_8), "application/json", null);
    }

    static Response post(String sender, byte[] body, @Nullable String contentType, @Nullable String contentEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(TestInfrastructure.portalUrl() + "/api/v1/lineage"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (sender != null && !sender.isEmpty()) {
            request.header(
                    "Authorization",
                    "Bearer " + (sender.endsWith("-ci") ? Tokens.forPipeline(sender) : Tokens.forUser(sender)));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}

package io.meshport.openlineage.api;

import io.meshport.catalog.InvalidDocumentException;
import io.meshport.system.ClientProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * How a lineage request's body was sent: JSON in UTF-8 (with or without the charset parameter),
 * plain or gzip-compressed ({@code Content-Encoding: gzip}, as the OpenLineage clients' {@code
 * compression: gzip} sends it). A compressed body is bounded after decompression as well as
 * before, so that a small body that inflates to gigabytes (a gzip bomb) is refused with 413 as
 * soon as it passes the limit, never held in memory.
 */
final class RequestEncoding {

    private RequestEncoding() {}

    /** The body as JSON bytes: decompressed when it was compressed, at most {@code limit} bytes. */
    static byte[] decode(byte @Nullable [] body, @Nullable String contentType, @Nullable String encoding, long limit) {
        checkCharset(contentType);
        byte[] bytes = body == null ? new byte[0] : body;
        String coding = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (coding) {
            case "", "identity" -> bytes;
            case "gzip", "x-gzip" -> gunzip(bytes, limit);
            default ->
                throw new UnsupportedEncodingProblem("Content-Encoding '" + clip(encoding)
                        + "' is not supported: send the body as it is or gzip it.");
        };
    }

    private static void checkCharset(@Nullable String contentType) {
        if (contentType == null) {
            return;
        }
        try {
            String charset = MediaType.parseMediaType(contentType).getParameter("charset");
            if (charset != null && !charset.replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw new UnsupportedEncodingProblem(
                        "Send the events as application/json in UTF-8, not charset " + clip(charset) + ".");
            }
        } catch (InvalidMediaTypeException e) {
            throw new UnsupportedEncodingProblem("Send the events as application/json.");
        }
    }

    private static byte[] gunzip(byte[] compressed, long limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 8192)) {
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > limit) {
                    throw new DecompressedTooLargeException(limit);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new InvalidDocumentException(
                    "Invalid OpenLineage request",
                    "",
                    "The body is not valid gzip (Content-Encoding: gzip): " + e.getMessage());
        }
        return out.toByteArray();
    }

    private static String clip(@Nullable String text) {
        String value = String.valueOf(text);
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** A charset or content coding the endpoint does not read. Maps to 415. */
    static final class UnsupportedEncodingProblem extends RuntimeException implements ClientProblem {

        UnsupportedEncodingProblem(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 415;
        }

        @Override
        public String problemType() {
            return "unsupported-media-type";
        }

        @Override
        public String title() {
            return "Unsupported media type";
        }
    }

    /** A compressed body that inflates past the limit. Maps to 413. */
    static final class DecompressedTooLargeException extends RuntimeException implements ClientProblem {

        private final long limit;

        DecompressedTooLargeException(long limit) {
            super("The body is larger than " + limit / (1024 * 1024) + " MiB (" + limit
                    + " bytes) once decompressed, the most this endpoint accepts; send fewer events per request.");
            this.limit = limit;
        }

        @Override
        public int status() {
            return 413;
        }

        @Override
        public String problemType() {
            return "too-large";
        }

        @Override
        public String title() {
            return "Request body too large";
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("limit", limit);
        }
    }
}

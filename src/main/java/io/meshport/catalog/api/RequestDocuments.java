package io.meshport.catalog.api;

import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.InvalidDocumentException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/** Reads document bodies and the HTTP headers that go with them, within a size limit. */
@Component
class RequestDocuments {

    private final long maxBytes;

    RequestDocuments(@Value("${meshport.api.max-document-bytes:1048576}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    DocumentFormat format(@Nullable String contentType) throws HttpMediaTypeNotSupportedException {
        if (contentType == null || contentType.isBlank()) {
            throw new HttpMediaTypeNotSupportedException(
                    "Send the document as application/json or application/yaml (Content-Type is missing).");
        }
        return DocumentFormat.ofContentType(contentType)
                .orElseThrow(() -> new HttpMediaTypeNotSupportedException(
                        MediaType.parseMediaType(contentType.contains("/") ? contentType : "application/octet-stream"),
                        List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/yaml"))));
    }

    /** The body as UTF-8 text, refusing more than the limit whatever Content-Length says. */
    String body(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBytes) {
            throw new DocumentTooLargeException(maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int read; (read = in.read(buffer)) != -1; ) {
                total += read;
                if (total > maxBytes) {
                    throw new DocumentTooLargeException(maxBytes);
                }
                out.write(buffer, 0, read);
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidDocumentException("Unreadable document", "", "The document is not valid UTF-8 text.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** YAML only when asked for; JSON otherwise. */
    static DocumentFormat wanted(@Nullable String accept) {
        if (accept != null) {
            for (String part : accept.split(",")) {
                String type = part.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
                if (DocumentFormat.ofContentType(type).orElse(null) == DocumentFormat.YAML) {
                    return DocumentFormat.YAML;
                }
                if (DocumentFormat.ofContentType(type).orElse(null) == DocumentFormat.JSON) {
                    return DocumentFormat.JSON;
                }
            }
        }
        return DocumentFormat.JSON;
    }

    /**
     * The revision an {@code If-Match} header names: {@code "3"}, {@code W/"3"}, or {@code *}
     * (any existing revision, returned as null with {@code mustExist}).
     */
    static @Nullable Long revision(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidDocumentException(
                    "Bad If-Match", "", "If-Match must be an entity tag this API gave you, such as \"3\".");
        }
    }

    static String etag(long revision) {
        return "\"" + revision + "\"";
    }
}

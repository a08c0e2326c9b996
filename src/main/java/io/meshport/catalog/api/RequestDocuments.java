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
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/**
 * Reads document bodies and the HTTP headers that go with them. The size limit is the endpoint's
 * {@link io.meshport.system.BodyLimit}, enforced by the request's stream while it is read.
 */
@Component
class RequestDocuments {

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

    /** The body as UTF-8 text. */
    String body(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
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

    static String etag(long revision) {
        return "\"" + revision + "\"";
    }
}

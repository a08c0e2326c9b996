package io.meshport.catalog;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How a document is written. Both carry the same data; YAML is what people write by hand. */
public enum DocumentFormat {
    JSON("application/json"),
    YAML("application/yaml");

    private final String mediaType;

    DocumentFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format a content type names, if it names one we read. */
    public static Optional<DocumentFormat> ofContentType(@Nullable String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || type.endsWith("+json")) {
            return Optional.of(JSON);
        }
        if (type.equals("application/yaml")
                || type.equals("application/x-yaml")
                || type.equals("text/yaml")
                || type.equals("text/x-yaml")
                || type.endsWith("+yaml")) {
            return Optional.of(YAML);
        }
        return Optional.empty();
    }

    /** For pasted text and uploaded files: JSON starts with a brace, anything else is YAML. */
    public static DocumentFormat detect(String text) {
        return text.stripLeading().startsWith("{") ? JSON : YAML;
    }

    static DocumentFormat fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

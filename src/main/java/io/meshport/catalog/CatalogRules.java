package io.meshport.catalog;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Limits on what people type that the service enforces and the form shows as they type, so
 * that the two cannot disagree: the length of a name and the shape of a version.
 */
public final class CatalogRules {

    /** Names show in lists and search results; longer ones are a mistake or an attack. */
    public static final int MAX_NAME_LENGTH = 200;

    /**
     * Semantic Versioning 2.0.0 (https://semver.org), as ODPS and ODCS ask for; a leading "v" is
     * allowed because the official ODPS example writes its version so ("v1.0.0").
     */
    private static final Pattern SEMANTIC_VERSION = Pattern.compile("v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    private CatalogRules() {}

    public static boolean isSemanticVersion(@Nullable String version) {
        return version != null
                && version.length() <= 100
                && SEMANTIC_VERSION.matcher(version).matches();
    }

    /** What is wrong with a version, or null when it is a semantic version. */
    public static @Nullable String versionProblem(@Nullable String version) {
        if (isSemanticVersion(version)) {
            return null;
        }
        return "'" + shorten(version == null ? "" : version) + "' is not a semantic version: use"
                + " MAJOR.MINOR.PATCH, e.g. 1.0.0, v2.0.0 or 2.1.0-beta.1.";
    }

    /** What is wrong with a name's length, or null when it fits. */
    public static @Nullable String nameLengthProblem(@Nullable String name) {
        if (name == null || name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH) {
            return null;
        }
        return "A name has at most " + MAX_NAME_LENGTH + " characters; this one has "
                + name.codePointCount(0, name.length()) + ".";
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}

package io.meshport.catalog;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code If-Match} on a write of a resource whose entity tag is its revision ({@code "3"}, as
 * {@code GET} gives it): naming another revision is a stale write, 409, as for catalog documents;
 * weak tags never match (RFC 9110 compares If-Match strongly). The revision it returns is the one
 * the service checks again inside its transaction, so a writer in between is still refused.
 */
public final class IfMatch {

    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([0-9]{1,18})\"\\s*|\\s*([0-9]{1,18})\\s*");

    private IfMatch() {}

    /**
     * The revision to expect, or null when there is no header (or it is {@code *}).
     *
     * @param current the resource's revision now; null when it does not exist, which no tag matches
     * @param subject the resource in messages: "The access request", "Policy 'x'"
     * @param stale the API's 409 exception, from its message
     * @throws InvalidDocumentException when the header is not a list of entity tags
     */
    public static @Nullable Long expected(
            @Nullable String header,
            @Nullable Long current,
            String subject,
            Function<String, ? extends RuntimeException> stale) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        boolean weak = false;
        for (String part : header.split(",")) {
            Matcher tag = TAG.matcher(part);
            if (!tag.matches()) {
                throw new InvalidDocumentException(
                        "Bad If-Match",
                        "",
                        "If-Match must be * or entity tags as this API gives them, such as \"3\"; '"
                                + (header.length() > 80 ? header.substring(0, 80) + "…" : header.strip())
                                + "' is not.");
            }
            weak |= tag.group(1) != null;
            String revision = tag.group(3) != null ? tag.group(3) : tag.group(2);
            if (current != null && tag.group(1) == null && Long.parseLong(revision) == current) {
                return current;
            }
        }
        if (current == null) {
            throw stale.apply(subject + " does not exist, so If-Match cannot hold; nothing was stored. Send the"
                    + " request without If-Match to create it.");
        }
        throw stale.apply(subject + " was changed by someone else: it is at revision " + current + " (entity tag \""
                + current + "\"), which If-Match does not name" + (weak ? " (weak tags never match)" : "")
                + ". Reload it and try again.");
    }
}

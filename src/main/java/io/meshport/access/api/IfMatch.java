package io.meshport.access.api;

import io.meshport.access.AgreementConflictException;
import io.meshport.access.InvalidAccessRequestException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code If-Match} on a step of an agreement: the entity tag names the revision the client saw
 * ({@code "3"}, as {@code GET} gives it). Naming another revision is a stale write, 409, as for
 * catalog documents; weak tags never match (RFC 9110 compares If-Match strongly).
 */
final class IfMatch {

    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([0-9]{1,18})\"\\s*|\\s*([0-9]{1,18})\\s*");

    private IfMatch() {}

    /** The revision to expect, or null when there is no header (or it is {@code *}). */
    static @Nullable Long expected(@Nullable String header, long current) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        boolean weak = false;
        for (String part : header.split(",")) {
            Matcher tag = TAG.matcher(part);
            if (!tag.matches()) {
                throw new InvalidAccessRequestException(
                        "Bad If-Match",
                        "",
                        "If-Match must be * or entity tags as this API gives them, such as \"3\"; '" + header.strip()
                                + "' is not.");
            }
            weak |= tag.group(1) != null;
            String revision = tag.group(3) != null ? tag.group(3) : tag.group(2);
            if (tag.group(1) == null && Long.parseLong(revision) == current) {
                return current;
            }
        }
        throw new AgreementConflictException("The access request was changed by someone else: it is at revision "
                + current + " (entity tag \"" + current + "\"), which If-Match does not name"
                + (weak ? " (weak tags never match)" : "") + ". Reload it and try again.");
    }
}

package io.meshport.catalog.api;

import io.meshport.catalog.CatalogConflictException;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.InvalidDocumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code If-Match} and {@code If-None-Match} of a write, evaluated as RFC 9110 §13.2.2 orders
 * them, against the revision the portal's entity tags name ({@code "3"}):
 *
 * <ul>
 *   <li>{@code If-Match} on a resource that does not exist: 412, nothing is created;
 *   <li>{@code If-Match} naming tags of which none is the current one: 409, stale (as the spec
 *       says for a second writer); weak tags ({@code W/"3"}) never match, as If-Match compares
 *       strongly;
 *   <li>{@code If-None-Match: *} on a resource that exists: 412 (a create-only request); a tag
 *       list naming the current revision: 412.
 * </ul>
 *
 * What passes becomes the expected revision the service checks again inside its transaction, so a
 * writer between this check and the write is still refused.
 */
final class Preconditions {

    /** One entity tag; {@code "3"}, {@code W/"3"}, and a bare {@code 3} as earlier clients sent it. */
    private static final Pattern TAG =
            Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"\\s*|\\s*([0-9]+)\\s*");

    private record Tag(boolean weak, String opaque) {}

    private final @Nullable List<Tag> ifMatch;
    private final boolean ifMatchAny;
    private final @Nullable List<Tag> ifNoneMatch;
    private final boolean ifNoneMatchAny;

    private Preconditions(
            @Nullable List<Tag> ifMatch, boolean ifMatchAny, @Nullable List<Tag> ifNoneMatch, boolean ifNoneMatchAny) {
        this.ifMatch = ifMatch;
        this.ifMatchAny = ifMatchAny;
        this.ifNoneMatch = ifNoneMatch;
        this.ifNoneMatchAny = ifNoneMatchAny;
    }

    static Preconditions of(@Nullable String ifMatch, @Nullable String ifNoneMatch) {
        boolean matchAny = isAny(ifMatch);
        boolean noneMatchAny = isAny(ifNoneMatch);
        return new Preconditions(
                matchAny ? List.of() : tags("If-Match", ifMatch),
                matchAny,
                noneMatchAny ? List.of() : tags("If-None-Match", ifNoneMatch),
                noneMatchAny);
    }

    boolean present() {
        return ifMatch != null || ifNoneMatch != null;
    }

    /**
     * The revision to pass the service as expected: the current one when If-Match holds, {@link
     * CatalogService#MUST_BE_NEW} for {@code If-None-Match: *}, null when no header applies.
     *
     * @param current the current revision, looked up only when a header is present
     */
    @Nullable
    Long expectedRevision(String label, String id, Supplier<Optional<Long>> current) {
        if (!present()) {
            return null;
        }
        Optional<Long> revision = current.get();
        Long expected = null;
        if (ifMatch != null) {
            if (revision.isEmpty()) {
                throw new PreconditionFailedException(label + " '" + id
                        + "' does not exist, so If-Match cannot hold; nothing was created. Send the request without"
                        + " If-Match to create it.");
            }
            String currentTag = Long.toString(revision.get());
            boolean matches = ifMatchAny
                    || ifMatch.stream()
                            .anyMatch(tag -> !tag.weak() && tag.opaque().equals(currentTag));
            if (!matches) {
                throw new CatalogConflictException(label + " '" + id + "' was changed by someone else: it is at"
                        + " revision " + currentTag + " (entity tag \"" + currentTag + "\"), which If-Match does not"
                        + " name" + (ifMatch.stream().anyMatch(Tag::weak) ? " (weak tags never match)" : "")
                        + ". Reload it and apply your change again.");
            }
            expected = revision.get();
        }
        if (ifNoneMatch != null) {
            if (ifNoneMatchAny && revision.isPresent()) {
                throw new PreconditionFailedException(label + " '" + id
                        + "' already exists, and If-None-Match: * asks to create it only if it does not.");
            }
            if (ifNoneMatchAny) {
                return CatalogService.MUST_BE_NEW;
            }
            if (revision.isPresent()) {
                String currentTag = Long.toString(revision.get());
                if (ifNoneMatch.stream().anyMatch(tag -> tag.opaque().equals(currentTag))) {
                    throw new PreconditionFailedException(
                            label + " '" + id + "' is at revision " + currentTag + ", which If-None-Match names.");
                }
            }
        }
        return expected;
    }

    private static boolean isAny(@Nullable String header) {
        return header != null && header.strip().equals("*");
    }

    private static @Nullable List<Tag> tags(String name, @Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        List<Tag> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            Matcher tag = TAG.matcher(part);
            if (!tag.matches()) {
                throw new InvalidDocumentException(
                        "Bad " + name,
                        "",
                        name + " must be * or entity tags as this API gives them, such as \"3\"; '" + header.strip()
                                + "' is not.");
            }
            tags.add(tag.group(3) != null ? new Tag(false, tag.group(3)) : new Tag(tag.group(1) != null, tag.group(2)));
        }
        return tags;
    }
}

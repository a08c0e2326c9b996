package io.meshport.system;

import org.jspecify.annotations.Nullable;

/**
 * Text that PostgreSQL can store: no NUL character (which neither {@code text} nor {@code jsonb}
 * holds) and no unpaired UTF-16 surrogate (which has no UTF-8 form). Input is checked against
 * this where it is read, so that the caller learns where the bad character is, instead of the
 * database refusing the write later.
 */
public final class StorableText {

    private StorableText() {}

    /** Why the text cannot be stored, or null when it can. */
    public static @Nullable String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "holds a NUL character (U+0000), which cannot be stored.";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "holds an unpaired surrogate (U+" + hex(c) + "), which is not a character.";
            }
            if (Character.isLowSurrogate(c)) {
                return "holds an unpaired surrogate (U+" + hex(c) + "), which is not a character.";
            }
        }
        return null;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}

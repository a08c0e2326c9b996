package io.meshport.system;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks a raw query string before anything parses it: at most so many parameters, each name and
 * value percent-encoded UTF-8 without NUL characters. The servlet container would otherwise fail
 * half-way through parsing, log an error and answer with no explanation.
 */
final class QueryString {

    /** What is wrong: a pointer ({@code /name}, or empty) and a message. */
    record Problem(String pointer, String message) {}

    private QueryString() {}

    static List<Problem> check(@Nullable String query, int maxParameters) {
        if (query == null || query.isEmpty()) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        int count = 0;
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            count++;
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            String name = decode(rawName);
            if (name == null) {
                problems.add(new Problem(
                        "", "A query parameter name is not percent-encoded UTF-8 text: '" + rawName + "'."));
                continue;
            }
            if (decode(rawValue) == null) {
                problems.add(new Problem(
                        "/" + name.replace("~", "~0").replace("/", "~1"),
                        "The value of '" + name + "' is not percent-encoded UTF-8 text without NUL characters ('"
                                + rawValue + "')."));
            }
            if (problems.size() >= 10) {
                break;
            }
        }
        if (count > maxParameters) {
            return List.of(new Problem(
                    "", "The query has " + count + " parameters; at most " + maxParameters + " are accepted."));
        }
        return problems;
    }

    static Map<String, Object> errors(List<Problem> problems) {
        return Map.of("errors", problems);
    }

    /** The decoded text, or null when it is not valid percent-encoded UTF-8 or holds a NUL. */
    static @Nullable String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
            return text.indexOf('\0') >= 0 ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

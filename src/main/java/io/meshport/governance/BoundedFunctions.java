package io.meshport.governance;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The CEL functions whose single call could run long or build a huge value, bounded: a rule
 * gets the same answers as from the standard ones, or is stopped within its budget before the
 * work is done. The evaluation listener sees each step only after it, so these bounds are what
 * keeps one step short: {@code replace} and {@code join} refuse a result longer than {@link
 * RuleEngine#MAX_STRING}; {@code matches}, {@code contains}, {@code indexOf} and {@code
 * lastIndexOf} refuse a search whose worst case is beyond {@link RuleEngine#MAX_SCAN}.
 */
final class BoundedFunctions {

    /** The strings extension's functions that stay as they are: none of them grows its input. */
    static final Set<CelStringExtensions.Function> UNBOUNDED_STRING_FUNCTIONS = EnumSet.complementOf(EnumSet.of(
            CelStringExtensions.Function.REPLACE,
            CelStringExtensions.Function.JOIN,
            CelStringExtensions.Function.INDEX_OF,
            CelStringExtensions.Function.LAST_INDEX_OF));

    private BoundedFunctions() {}

    static List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("matches", String.class, String.class, BoundedFunctions::matches),
                CelFunctionBinding.from("matches_string", String.class, String.class, BoundedFunctions::matches),
                CelFunctionBinding.from("contains_string", String.class, String.class, (text, part) -> {
                    scan(text, part);
                    return text.contains(part);
                }),
                CelFunctionBinding.from(
                        "string_replace_string_string",
                        List.of(String.class, String.class, String.class),
                        args -> replace((String) args[0], (String) args[1], (String) args[2], -1)),
                CelFunctionBinding.from(
                        "string_replace_string_string_int",
                        List.of(String.class, String.class, String.class, Long.class),
                        args -> replace((String) args[0], (String) args[1], (String) args[2], (Long) args[3])),
                CelFunctionBinding.from("list_join", List.class, list -> join(list, "")),
                CelFunctionBinding.from("list_join_string", List.class, String.class, BoundedFunctions::join),
                CelFunctionBinding.from(
                        "string_index_of_string", String.class, String.class, (text, part) -> indexOf(text, part, 0L)),
                CelFunctionBinding.from(
                        "string_index_of_string_int",
                        List.of(String.class, String.class, Long.class),
                        args -> indexOf((String) args[0], (String) args[1], (Long) args[2])),
                CelFunctionBinding.from(
                        "string_last_index_of_string",
                        String.class,
                        String.class,
                        (text, part) -> lastIndexOf(text, part, (long) text.codePointCount(0, text.length()))),
                CelFunctionBinding.from(
                        "string_last_index_of_string_int",
                        List.of(String.class, String.class, Long.class),
                        args -> lastIndexOf((String) args[0], (String) args[1], (Long) args[2])));
    }

    static boolean matches(String text, String regex) throws CelEvaluationException {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new CelEvaluationException(
                    "invalid regular expression '" + shortened(regex) + "': " + e.getDescription());
        }
        int size = pattern.programSize();
        if (size > RuleEngine.MAX_REGEX_PROGRAM) {
            throw new CelEvaluationException("the regular expression is too large (program size " + size + ", at most "
                    + RuleEngine.MAX_REGEX_PROGRAM + ")");
        }
        if ((long) text.length() * size > RuleEngine.MAX_REGEX_WORK) {
            throw budget();
        }
        return pattern.matcher(text).find();
    }

    /** Refuses a substring search whose worst case (text times part) is beyond the budget. */
    private static void scan(String text, String part) throws CelEvaluationException {
        if ((long) text.length() * Math.max(1, part.length()) > RuleEngine.MAX_SCAN && part.length() > 64) {
            throw budget();
        }
    }

    static String replace(String text, String from, String to, long limit) throws CelEvaluationException {
        if (limit == 0) {
            return text;
        }
        StringBuilder result = new StringBuilder();
        int at = 0;
        long done = 0;
        while (limit < 0 || done < limit) {
            int found;
            if (from.isEmpty()) {
                if (at > text.length()) {
                    break;
                }
                found = at;
            } else {
                scan(text, from);
                found = text.indexOf(from, at);
                if (found < 0) {
                    break;
                }
            }
            grow(result, found - at + to.length());
            result.append(text, at, found).append(to);
            done++;
            if (from.isEmpty()) {
                if (found == text.length()) {
                    at = found + 1;
                    break;
                }
                int next = text.offsetByCodePoints(found, 1);
                result.append(text, found, next);
                at = next;
            } else {
                at = found + from.length();
            }
        }
        if (at <= text.length()) {
            grow(result, text.length() - at);
            result.append(text, at, text.length());
        }
        return result.toString();
    }

    static String join(List<?> list, String separator) throws CelEvaluationException {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String element)) {
                throw new CelEvaluationException("join() needs a list of strings");
            }
            grow(result, element.length() + (i == 0 ? 0 : separator.length()));
            if (i > 0) {
                result.append(separator);
            }
            result.append(element);
        }
        return result.toString();
    }

    static long indexOf(String text, String part, long offset) throws CelEvaluationException {
        int length = text.codePointCount(0, text.length());
        if (offset < 0 || offset > length) {
            throw new CelEvaluationException("index out of range: " + offset);
        }
        scan(text, part);
        int found = text.indexOf(part, text.offsetByCodePoints(0, (int) offset));
        return found < 0 ? -1 : text.codePointCount(0, found);
    }

    static long lastIndexOf(String text, String part, long offset) throws CelEvaluationException {
        int length = text.codePointCount(0, text.length());
        if (offset < 0 || offset > length) {
            throw new CelEvaluationException("index out of range: " + offset);
        }
        scan(text, part);
        int found = text.lastIndexOf(part, text.offsetByCodePoints(0, (int) offset));
        return found < 0 ? -1 : text.codePointCount(0, found);
    }

    private static void grow(StringBuilder result, int more) throws CelEvaluationException {
        if ((long) result.length() + more > RuleEngine.MAX_STRING) {
            throw budget();
        }
    }

    /**
     * Stops the rule. Thrown as CEL's own checked exception: CEL passes it through as it is, where
     * it would describe any other exception with its arguments, which may be megabytes long.
     */
    private static CelEvaluationException budget() {
        return new CelEvaluationException("budget exceeded", new RuleEngine.BudgetExceeded());
    }

    private static String shortened(String regex) {
        return regex.length() > 60 ? regex.substring(0, 60) + "…" : regex;
    }
}

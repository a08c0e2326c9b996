package io.meshport.governance;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.meshport.catalog.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compiles and evaluates policy rules written in CEL, the Common Expression Language: no side
 * effects, no I/O, no loops but the bounded macros. Bounded in size when compiled (length,
 * nesting, nodes) and in cost when evaluated (iterations of all macros together, evaluation steps,
 * wall-clock time, regular expression size), so a hostile rule is refused or stops cleanly and
 * never holds a request or the sweep (docs/decisions/0026-governance-policies.md).
 */
public final class RuleEngine {

    /** Longest rule accepted, in code points. */
    public static final int MAX_RULE_LENGTH = 4_000;

    /** Deepest nesting of a rule's expression. */
    public static final int MAX_NESTING = 40;

    /** Iterations of all macros ({@code all}, {@code exists}, {@code map}, ...) of one evaluation. */
    public static final int MAX_ITERATIONS = 20_000;

    /** Steps (sub-expressions evaluated) of one evaluation. */
    public static final long MAX_STEPS = 200_000;

    /** Time one evaluation may take. */
    public static final Duration MAX_TIME = Duration.ofMillis(100);

    /** The variables a rule sees; each is described in the README. */
    public static final List<String> VARIABLES =
            List.of("product", "contracts", "fields", "lineage", "sla", "review", "agreements", "now", "today");

    /** A rule that compiled: evaluate it as often as needed. */
    public record Compiled(String rule, CelRuntime.Program program) {}

    /**
     * What one evaluation found.
     *
     * @param error why the rule could not decide (a missing field, a wrong type, a budget
     *     exceeded); a rule that cannot decide is not kept
     */
    public record Outcome(boolean passed, @Nullable String error) {

        static Outcome of(boolean passed) {
            return new Outcome(passed, null);
        }
    }

    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setOptions(CelOptions.current()
                    .maxExpressionCodePointSize(MAX_RULE_LENGTH)
                    .maxParseRecursionDepth(MAX_NESTING)
                    .maxParseExpressionNodeCount(2_000)
                    .comprehensionMaxIterations(MAX_ITERATIONS)
                    .maxRegexProgramSize(1_000)
                    .build())
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(CelExtensions.strings())
            .addRuntimeLibraries(CelExtensions.strings())
            .addVar("product", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("contracts", ListType.create(SimpleType.DYN))
            .addVar("fields", ListType.create(SimpleType.DYN))
            .addVar("lineage", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("sla", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("review", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("agreements", ListType.create(SimpleType.DYN))
            .addVar("now", SimpleType.STRING)
            .addVar("today", SimpleType.STRING)
            .setResultType(SimpleType.BOOL)
            .build();

    private RuleEngine() {}

    /**
     * Compiles a rule, or says what is wrong with it: each CEL error with its line and column,
     * at {@code /rule}.
     *
     * @throws InvalidPolicyException when it does not compile, is too long or too deep, or is not
     *     a boolean expression
     */
    public static Compiled compile(String rule) {
        List<Violation> violations = problems(rule);
        if (!violations.isEmpty()) {
            throw new InvalidPolicyException("Invalid policy rule", violations);
        }
        try {
            return new Compiled(rule, CEL.createProgram(CEL.compile(rule).getAst()));
        } catch (CelValidationException | CelEvaluationException | RuntimeException e) {
            throw new InvalidPolicyException("Invalid policy rule", "/rule", clean(e.getMessage()));
        }
    }

    /** What is wrong with a rule, empty when it compiles: what the editor shows as one types. */
    public static List<Violation> problems(String rule) {
        if (rule.isBlank()) {
            return List.of(new Violation(
                    "/rule", "Write the rule: a CEL expression that is true when a product keeps the policy."));
        }
        if (rule.codePointCount(0, rule.length()) > MAX_RULE_LENGTH) {
            return List.of(new Violation("/rule", "A rule has at most " + MAX_RULE_LENGTH + " characters."));
        }
        try {
            CEL.compile(rule).getAst();
            return List.of();
        } catch (CelValidationException e) {
            List<Violation> violations = new ArrayList<>();
            for (CelIssue issue : e.getErrors()) {
                if (violations.size() == 5) {
                    break;
                }
                violations.add(new Violation("/rule", position(issue) + clean(issue.getMessage())));
            }
            if (violations.isEmpty()) {
                violations.add(new Violation("/rule", clean(e.getMessage())));
            }
            return violations;
        } catch (RuntimeException e) {
            // The parser's own limits (nesting, size) surface as plain exceptions.
            return List.of(new Violation("/rule", clean(e.getMessage())));
        }
    }

    /**
     * Evaluates a compiled rule over one product's facts, within the budget. A rule stopped by the
     * clock alone, well within its steps, is given one more try: on a busy machine a pause (a
     * garbage collection, a starved CPU) can outlast a cheap rule's time, and a cheap rule must not
     * be refused or turn a product into a violation for it; a rule that is slow in itself runs out
     * of time again.
     */
    public static Outcome evaluate(Compiled rule, Map<String, Object> variables) {
        Outcome outcome = evaluateOnce(rule, variables);
        return outcome == TIMED_OUT ? evaluateOnce(rule, variables) : outcome;
    }

    /** Stopped by the clock, not by the steps: worth one more try. */
    private static final Outcome TIMED_OUT = new Outcome(false, budgetMessage());

    private static Outcome evaluateOnce(Compiled rule, Map<String, Object> variables) {
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        long[] steps = {0};
        boolean[] timedOut = {false};
        try {
            Object result = rule.program().trace(variables, (expression, value) -> {
                if (++steps[0] > MAX_STEPS) {
                    throw new BudgetExceeded();
                }
                if (System.nanoTime() > deadline) {
                    timedOut[0] = true;
                    throw new BudgetExceeded();
                }
            });
            return result instanceof Boolean passed
                    ? Outcome.of(passed)
                    : new Outcome(false, "The rule did not answer true or false.");
        } catch (BudgetExceeded e) {
            return timedOut[0] ? TIMED_OUT : new Outcome(false, budgetMessage());
        } catch (CelEvaluationException e) {
            if (e.getCause() instanceof BudgetExceeded
                    || String.valueOf(e.getMessage()).contains("budget")) {
                return timedOut[0] ? TIMED_OUT : new Outcome(false, budgetMessage());
            }
            return new Outcome(false, "The rule could not be evaluated: " + clean(e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(false, "The rule could not be evaluated: " + clean(e.getMessage()));
        }
    }

    static String budgetMessage() {
        return "The rule exceeded its evaluation budget (" + MAX_ITERATIONS + " iterations, " + MAX_STEPS + " steps, "
                + MAX_TIME.toMillis() + " ms).";
    }

    private static String position(CelIssue issue) {
        var location = issue.getSourceLocation();
        return location.getLine() > 0
                ? "line " + location.getLine() + ", column " + (location.getColumn() + 1) + ": "
                : "";
    }

    private static String clean(@Nullable String message) {
        if (message == null || message.isBlank()) {
            return "the rule is not valid CEL.";
        }
        String first = message.lines().findFirst().orElse(message).replace("<input>:", "");
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }

    /** Thrown from the evaluation listener to stop a rule that used up its budget. */
    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("budget exceeded", null, false, false);
        }
    }
}

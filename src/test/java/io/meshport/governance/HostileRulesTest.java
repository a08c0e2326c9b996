package io.meshport.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.catalog.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules written to hurt: each is refused when compiled, with a message that says why, or stops
 * within its evaluation budget with the budget's message; none runs long or fills the memory.
 * Every case is timed, with a generous bound, so a regression to a hang fails here rather than
 * holding a request or the sweep.
 */
class HostileRulesTest {

    /** Far above the engine's own time limit, so only a rule that escapes its budget fails it. */
    private static final Duration BOUND = RuleEngine.MAX_TIME.plusSeconds(4);

    /** Class loading and the first compilations are not what is measured here. */
    @BeforeAll
    static void warmUp() {
        RuleEngine.evaluate(
                RuleEngine.compile("'ab'.matches('a+') && [1, 2].all(x, x > 0) && 'a'.replace('a', 'b') == 'b'"),
                Map.of());
        RuleEngine.problems("(((true)))");
    }

    @Test
    void a_huge_list_literal_is_refused_when_compiled() {
        String rule = "size([" + "1,".repeat(1_900) + "1]) > 0";
        assertThat(rule.length()).isLessThan(RuleEngine.MAX_RULE_LENGTH);
        assertRefused(rule, "node");
    }

    @Test
    void a_rule_longer_than_the_limit_is_refused_before_it_is_parsed() {
        String rule = "size([" + "1,".repeat(100_000) + "1]) > 0";
        assertRefused(rule, "at most " + RuleEngine.MAX_RULE_LENGTH + " characters");
    }

    @Test
    void deeply_nested_parentheses_are_refused_when_compiled() {
        assertRefused("(".repeat(1_000) + "true" + ")".repeat(1_000), "recursion limit");
    }

    @Test
    void deeply_nested_macros_are_refused_when_compiled() {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            rule.append("[1].all(x").append(i).append(", ");
        }
        rule.append("true").append(")".repeat(60));
        assertRefused(rule.toString(), "recursion limit");
    }

    @Test
    void a_long_run_of_negations_is_read_as_one_and_answered_at_once() {
        Duration took = timed(() -> {
            assertThat(RuleEngine.evaluate(RuleEngine.compile("!".repeat(1_999) + "false"), Map.of()))
                    .isEqualTo(new RuleEngine.Outcome(true, null));
            assertThat(RuleEngine.evaluate(RuleEngine.compile("-".repeat(1_998) + "1 > 0"), Map.of()))
                    .isEqualTo(new RuleEngine.Outcome(true, null));
            return null;
        });
        assertThat(took).isLessThan(BOUND);
    }

    @Test
    void nested_comprehensions_over_large_lists_stop_within_the_budget() {
        String hundred = "[" + "0,".repeat(99) + "0]";
        String rule = hundred + ".all(a, " + hundred + ".all(b, " + hundred + ".all(c, a + b + c >= 0)))";
        assertStopsWithinBudget(rule, Map.of());
    }

    @Test
    void nested_comprehensions_over_a_large_list_in_the_document_stop_within_the_budget() {
        List<Object> many = new ArrayList<>();
        for (long i = 0; i < 50_000; i++) {
            many.add(i);
        }
        assertStopsWithinBudget(
                "product.tags.all(a, product.tags.all(b, a != b || a == b))", Map.of("product", Map.of("tags", many)));
        assertStopsWithinBudget("product.tags.map(a, a * 2).size() > 0", Map.of("product", Map.of("tags", many)));
    }

    @Test
    void a_string_grown_by_repeated_replacing_stops_before_it_fills_the_memory() {
        // Each replace makes it 100 times longer: 10^12 characters unless stopped.
        String hundredAs = "'" + "a".repeat(100) + "'";
        String rule = "'a'" + (".replace('a', " + hundredAs + ")").repeat(6) + " == ''";
        assertStopsWithinBudget(rule, Map.of());
    }

    @Test
    void a_string_doubled_in_nested_macros_stops_before_it_fills_the_memory() {
        StringBuilder rule = new StringBuilder("[product.name]");
        for (int i = 0; i < 12; i++) {
            rule.append(".map(s")
                    .append(i)
                    .append(", s")
                    .append(i)
                    .append(" + s")
                    .append(i)
                    .append(" + s")
                    .append(i)
                    .append(" + s")
                    .append(i)
                    .append(")");
        }
        rule.append(".exists(s, size(s) == 1)");
        assertStopsWithinBudget(rule.toString(), Map.of("product", Map.of("name", "x".repeat(100_000))));
    }

    @Test
    void a_long_string_joined_from_a_large_list_stops_before_it_fills_the_memory() {
        List<Object> thousand = new ArrayList<>();
        for (long i = 0; i < 1_000; i++) {
            thousand.add(i);
        }
        assertStopsWithinBudget(
                "product.tags.map(i, product.name).join('') == ''",
                Map.of("product", Map.of("tags", thousand, "name", "x".repeat(500_000))));
    }

    @Test
    void a_list_grown_by_concatenation_in_nested_macros_stops_within_the_budget() {
        StringBuilder rule = new StringBuilder("[product.tags]");
        for (int i = 0; i < 12; i++) {
            rule.append(".map(l")
                    .append(i)
                    .append(", l")
                    .append(i)
                    .append(" + l")
                    .append(i)
                    .append(" + l")
                    .append(i)
                    .append(" + l")
                    .append(i)
                    .append(")");
        }
        rule.append(".exists(l, size(l) == 1)");
        List<Object> many = new ArrayList<>();
        for (long i = 0; i < 100_000; i++) {
            many.add(i);
        }
        assertStopsWithinBudget(rule.toString(), Map.of("product", Map.of("tags", many)));
    }

    @Test
    void a_huge_regular_expression_is_refused_with_a_clear_message() {
        Duration took = timed(() -> {
            RuleEngine.Outcome outcome = RuleEngine.evaluate(
                    RuleEngine.compile("product.name.matches('(x{900}y{900})+')"),
                    Map.of("product", Map.of("name", "xy")));
            assertThat(outcome.passed()).isFalse();
            assertThat(outcome.error()).contains("regular expression is too large");
            return null;
        });
        assertThat(took).isLessThan(BOUND);
    }

    @Test
    void a_regular_expression_search_too_costly_for_its_text_stops_within_the_budget() {
        StringBuilder alternatives = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            alternatives.append("x").append(i).append('|');
        }
        assertStopsWithinBudget(
                "product.name.matches('(" + alternatives + "c)*d')",
                Map.of("product", Map.of("name", "ab".repeat(100_000))));
    }

    @Test
    void a_catastrophic_backtracking_pattern_runs_in_linear_time() {
        Duration took = timed(() -> {
            RuleEngine.Outcome outcome = RuleEngine.evaluate(
                    RuleEngine.compile("product.name.matches('^(a+)+$')"),
                    Map.of("product", Map.of("name", "a".repeat(50_000) + "!")));
            assertThat(outcome.error()).isNull();
            assertThat(outcome.passed()).isFalse();
            return null;
        });
        assertThat(took).isLessThan(BOUND);
    }

    @Test
    void size_of_big_things_is_answered_quickly() {
        Map<String, Object> big = new LinkedHashMap<>();
        for (int i = 0; i < 100_000; i++) {
            big.put("k" + i, (long) i);
        }
        Duration took = timed(() -> {
            RuleEngine.Outcome outcome = RuleEngine.evaluate(
                    RuleEngine.compile("size(product.customProperties) == 100000 && size(product.name) == 1000000"),
                    Map.of("product", Map.of("customProperties", big, "name", "x".repeat(1_000_000))));
            assertThat(outcome.error()).isNull();
            assertThat(outcome.passed()).isTrue();
            return null;
        });
        assertThat(took).isLessThan(BOUND);
    }

    @Test
    void a_search_for_a_long_part_of_a_long_text_stops_within_the_budget() {
        Map<String, Object> variables = Map.of("product", Map.of("name", "a".repeat(900_000)));
        assertStopsWithinBudget("product.name.contains(product.name.substring(0, 400000) + 'b')", variables);
        assertStopsWithinBudget("product.name.indexOf(product.name.substring(0, 400000) + 'b') >= 0", variables);
        assertStopsWithinBudget("product.name.lastIndexOf('b' + product.name.substring(0, 400000)) >= 0", variables);
    }

    @Test
    void the_bounded_functions_answer_as_the_standard_ones() {
        for (String rule : List.of(
                "'hello'.replace('l', 'L') == 'heLLo'",
                "'hello'.replace('l', 'L', 1) == 'heLlo'",
                "'hello'.replace('l', 'L', 0) == 'hello'",
                "'abc'.replace('', '-') == '-a-b-c-'",
                "'aaa'.replace('a', '') == ''",
                "['a', 'b'].join() == 'ab'",
                "['a', 'b'].join(', ') == 'a, b'",
                "[].join('-') == ''",
                "'hello'.indexOf('l') == 2",
                "'hello'.indexOf('l', 3) == 3",
                "'hello'.indexOf('') == 0",
                "'héllo'.indexOf('l') == 2",
                "'hello'.lastIndexOf('l') == 3",
                "'hello'.lastIndexOf('l', 2) == 2",
                "'hello'.lastIndexOf('') == 5",
                "'hello'.indexOf('z') == -1",
                "'abc'.contains('b') && !'abc'.contains('d')",
                "'abc'.matches('^a') && matches('abc', 'c$') && !'abc'.matches('^b')")) {
            assertThat(RuleEngine.evaluate(RuleEngine.compile(rule), Map.of()))
                    .as(rule)
                    .isEqualTo(new RuleEngine.Outcome(true, null));
        }
    }

    @Test
    void an_invalid_regular_expression_is_a_clear_error() {
        assertThat(RuleEngine.evaluate(RuleEngine.compile("'abc'.matches('(')"), Map.of())
                        .error())
                .startsWith("The rule could not be evaluated: ")
                .contains("regular expression");
    }

    @Test
    void a_compile_error_names_its_line_and_column() {
        List<Violation> problems = RuleEngine.problems("has(product.description)\n  && size(product.name) >");
        assertThat(problems).isNotEmpty().allSatisfy(problem -> assertThat(problem.pointer())
                .isEqualTo("/rule"));
        assertThat(problems.getFirst().message()).startsWith("line 2, column ");
    }

    @Test
    void an_unknown_variable_is_refused_with_its_position() {
        assertThat(RuleEngine.problems("true && products.size() > 0")).first().satisfies(problem -> assertThat(
                        problem.message())
                .startsWith("line 1, column 9: ")
                .contains("products"));
    }

    @Test
    void a_rule_that_is_not_true_or_false_is_refused_when_compiled() {
        assertThat(RuleEngine.problems("size(product.name)")).isNotEmpty();
    }

    private static void assertRefused(String rule, String because) {
        Duration took = timed(() -> {
            assertThatThrownBy(() -> RuleEngine.compile(rule))
                    .isInstanceOf(InvalidPolicyException.class)
                    .satisfies(e -> assertThat(((InvalidPolicyException) e).violations())
                            .first()
                            .satisfies(v -> {
                                assertThat(v.pointer()).isEqualTo("/rule");
                                assertThat(v.message()).containsIgnoringCase(because);
                            }));
            return null;
        });
        assertThat(took).isLessThan(BOUND);
    }

    private static void assertStopsWithinBudget(String rule, Map<String, Object> variables) {
        RuleEngine.Compiled compiled = RuleEngine.compile(rule);
        Duration took = timed(() -> {
            RuleEngine.Outcome outcome = RuleEngine.evaluate(compiled, variables);
            assertThat(outcome.passed()).isFalse();
            assertThat(outcome.error()).isEqualTo(RuleEngine.budgetMessage());
            return null;
        });
        assertThat(took).isLessThan(BOUND);
    }

    private static Duration timed(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}

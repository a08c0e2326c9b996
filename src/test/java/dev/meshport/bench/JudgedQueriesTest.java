package dev.meshport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JudgedQueriesTest {

    private static final String[] WORDS = {"churn", "revenue"};
    private static final String[] SUBJECTS = {"Customer", "Order"};
    private static final String[] KINDS = {"Events", "Daily Aggregates"};
    private static final String[] DOMAINS = {"sales", "finance"};

    @Test
    void theIntendedProductFirstIsAPerfectRanking() {
        assertThat(JudgedQueries.ndcgAt10(List.of("a", "x", "y"), Set.of("a"))).isEqualTo(1.0);
        assertThat(JudgedQueries.inTop3(List.of("x", "y", "a"), Set.of("a"))).isTrue();
        assertThat(JudgedQueries.inTop3(List.of("x", "y", "z", "a"), Set.of("a")))
                .isFalse();
    }

    @Test
    void aLaterPlaceCountsLessAndNothingFoundCountsNothing() {
        assertThat(JudgedQueries.ndcgAt10(List.of("x", "a"), Set.of("a"))).isCloseTo(1 / log2(3), within(1e-9));
        assertThat(JudgedQueries.ndcgAt10(List.of(), Set.of("a"))).isZero();
    }

    @Test
    void withManyRelevantTheIdealIsTenRelevantOnes() {
        Set<String> relevant = Set.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
        assertThat(JudgedQueries.ndcgAt10(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), relevant))
                .isCloseTo(1.0, within(1e-9));
        assertThat(JudgedQueries.ndcgAt10(List.of("a"), relevant)).isLessThan(0.5);
    }

    @Test
    void aProductShownTwiceIsFoundOnce() {
        assertThat(JudgedQueries.ndcgAt10(List.of("a", "a"), Set.of("a"))).isEqualTo(1.0);
        assertThat(JudgedQueries.repeats(List.of("a", "b", "a"))).isTrue();
        assertThat(JudgedQueries.repeats(List.of("a", "b"))).isFalse();
    }

    @Test
    void judgedProductsAreOnlyThoseTheCallerSeesByDefault() {
        List<JudgedQueries.Product> products = List.of(
                product("customer-events-1", "EMEA Customer Events 1", "active", "sales", "churn"),
                product("customer-events-2", "EMEA Customer Events 2", "retired", "sales", "churn"),
                product("customer-events-3", "EMEA Customer Events 3", "draft", "finance", "churn"),
                product("customer-events-4", "EMEA Customer Events 4", "draft", "sales", "churn"));
        Map<String, List<JudgedQueries.Judged>> judged =
                JudgedQueries.build(products, WORDS, SUBJECTS, KINDS, DOMAINS, 20);

        assertThat(judged.keySet())
                .containsExactly(
                        "exact name",
                        "one word",
                        "two words",
                        "typo (tag word)",
                        "typo (name word)",
                        "facet-filtered",
                        "question");
        judged.values().forEach(queries -> assertThat(queries).hasSize(20));
        assertThat(judged.get("exact name"))
                .allSatisfy(q -> assertThat(q.relevant()).containsExactly("customer-events-1"));
        assertThat(judged.get("one word"))
                .filteredOn(q -> q.request().text().equals("churn"))
                .isNotEmpty()
                .allSatisfy(q ->
                        assertThat(q.relevant()).containsExactlyInAnyOrder("customer-events-1", "customer-events-4"));
        assertThat(judged.get("typo (name word)"))
                .allSatisfy(q -> assertThat(q.request().text())
                        .doesNotContain("Customer")
                        .endsWith("Events 1"));
    }

    private static JudgedQueries.Product product(String id, String name, String status, String team, String tag) {
        return new JudgedQueries.Product(id, name, status, "sales", team, tag, "Customer", "Events");
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

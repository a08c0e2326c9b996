package io.meshport.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Questions and phrases, not names (docs/decisions/0020): the judged set of {@code
 * search/questions.yaml} over the demo catalog, as a colleague in no owning team asks them. A
 * question is answered when one of its intended products is among the first three demo products
 * found (products other tests add to the shared catalog are left out of the ranking). The rate
 * must not fall under what was measured.
 */
@MeshportTest
class QuestionsRelevanceTest {

    /**
     * Measured: 8 of 28 on the engine that wanted every word, 23 of 28 with the question words
     * ignored and the products with most of the words when none holds all of them.
     */
    static final int AT_LEAST = 21;

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    record Question(String question, List<String> intended) {}

    @Autowired
    CatalogSearch search;

    @Test
    void most_questions_find_an_intended_product_in_the_top_three() throws IOException {
        List<Question> questions = questions();
        Set<String> demo = demoProductIds();
        assertThat(questions).hasSizeGreaterThanOrEqualTo(24);
        assertThat(questions)
                .flatExtracting(Question::intended)
                .as("every intended product is a demo product")
                .allMatch(demo::contains);

        List<String> table = new ArrayList<>();
        int answered = 0;
        for (Question question : questions) {
            SearchResults results =
                    RunAs.user("dave", List.of(), () -> search.search(SearchRequest.text(question.question()), 0, 20));
            List<String> top = results.items().stream()
                    .map(SearchResults.Hit::id)
                    .filter(demo::contains)
                    .limit(3)
                    .toList();
            boolean hit = top.stream().anyMatch(question.intended()::contains);
            answered += hit ? 1 : 0;
            table.add("%-4s %-45s %-8s %s%s"
                    .formatted(
                            hit ? "yes" : "NO",
                            question.question(),
                            results.partial() ? "partial" : "all",
                            top,
                            results.suggestion() == null ? "" : " (did you mean " + results.suggestion() + "?)"));
        }
        System.out.println("Questions with an intended product in the top 3: " + answered + " of " + questions.size()
                + "\n" + String.join("\n", table));
        assertThat(answered)
                .as("questions answered in the top 3:\n" + String.join("\n", table))
                .isGreaterThanOrEqualTo(AT_LEAST);
    }

    static List<Question> questions() throws IOException {
        try (InputStream in = QuestionsRelevanceTest.class.getResourceAsStream("/search/questions.yaml")) {
            return YAML.readValue(in, new TypeReference<List<Question>>() {});
        }
    }

    static Set<String> demoProductIds() throws IOException {
        Resource[] products =
                new PathMatchingResourcePatternResolver().getResources("classpath*:demo/products/*.odps.yaml");
        return Arrays.stream(products)
                .map(product -> {
                    try (InputStream in = product.getInputStream()) {
                        JsonNode document = YAML.readTree(in);
                        return document.get("id").asString();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .collect(Collectors.toUnmodifiableSet());
    }
}

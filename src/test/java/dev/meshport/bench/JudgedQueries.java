package dev.meshport.bench;

import io.meshport.search.SearchRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Queries whose relevant products are known by construction from the generated catalog, and the
 * two measures of a ranking over them: the share of queries with a relevant product in the top 3,
 * and nDCG@10 with binary relevance. A product counts only if the benchmark's caller may see it
 * by default (not retired; other teams' drafts and proposals hidden), as Meshport shows it.
 */
final class JudgedQueries {

    /** What the benchmark generated for one product: enough to judge a result. */
    record Product(
            String id,
            String name,
            String status,
            String domain,
            String team,
            String tag,
            String subject,
            String kind) {

        boolean visible() {
            return !status.equals("retired")
                    && (!SearchRequest.WORK_IN_PROGRESS.contains(status) || team.equals(PostgresFtsEngine.CALLER_TEAM));
        }
    }

    /** @param relevant the ids of every product that answers the query */
    record Judged(SearchRequest request, Set<String> relevant) {}

    private JudgedQueries() {}

    /**
     * Per kind, {@code perKind} seeded queries:
     *
     * <ul>
     *   <li>exact name: an active product's name; relevant: that product;
     *   <li>one word: a tag word; relevant: the products tagged with it;
     *   <li>two words: a subject and a kind's first word ("Invoice Daily"); relevant: products whose
     *       name holds both;
     *   <li>typo (tag word): a tag word with two letters swapped; relevant: products tagged with it;
     *   <li>typo (name word): an active product's name, its subject word with two letters swapped;
     *       relevant: that product;
     *   <li>facet-filtered: a tag word, one domain and status active; relevant: the active products of
     *       that domain tagged with it;
     *   <li>question: a question or phrase around an active product's name ("where can I find the
     *       …?"); relevant: that product.
     * </ul>
     */
    static Map<String, List<Judged>> build(
            List<Product> products, String[] words, String[] subjects, String[] kinds, String[] domains, int perKind) {
        Random random = new Random(13);
        List<Product> active =
                products.stream().filter(p -> p.status().equals("active")).toList();
        Map<String, List<Judged>> judged = new LinkedHashMap<>();
        List<Judged> exact = new ArrayList<>();
        List<Judged> one = new ArrayList<>();
        List<Judged> two = new ArrayList<>();
        List<Judged> tagTypo = new ArrayList<>();
        List<Judged> nameTypo = new ArrayList<>();
        List<Judged> facet = new ArrayList<>();
        List<Judged> question = new ArrayList<>();
        String[] questions = {"where can I find the %s?", "which data holds %s", "show me %s for reporting"};
        for (int i = 0; i < perKind; i++) {
            Product p = active.get(random.nextInt(active.size()));
            exact.add(new Judged(SearchRequest.text(p.name()), Set.of(p.id())));

            String word = words[random.nextInt(words.length)];
            one.add(new Judged(
                    SearchRequest.text(word), ids(products, q -> q.tag().equals(word))));

            String subject = subjects[random.nextInt(subjects.length)];
            String kind = kinds[random.nextInt(kinds.length)].split(" ")[0];
            two.add(new Judged(
                    SearchRequest.text(subject + " " + kind),
                    ids(
                            products,
                            q -> q.subject().equals(subject)
                                    && q.kind().split(" ")[0].equals(kind))));

            String typoed = words[random.nextInt(words.length)];
            tagTypo.add(new Judged(SearchRequest.text(SearchBenchmark.typo(typoed, random)), ids(products, q -> q.tag()
                    .equals(typoed))));

            Product t = active.get(random.nextInt(active.size()));
            nameTypo.add(new Judged(
                    SearchRequest.text(t.name().replace(t.subject(), SearchBenchmark.typo(t.subject(), random))),
                    Set.of(t.id())));

            String facetWord = words[random.nextInt(words.length)];
            String domain = domains[random.nextInt(domains.length)];
            facet.add(new Judged(
                    new SearchRequest(
                            facetWord,
                            Set.of(domain),
                            Set.of(),
                            Set.of("active"),
                            Set.of(),
                            Set.of(),
                            false,
                            false,
                            SearchRequest.Sort.RELEVANCE),
                    ids(
                            products,
                            q -> q.status().equals("active")
                                    && q.domain().equals(domain)
                                    && q.tag().equals(facetWord))));

            Product a = active.get(random.nextInt(active.size()));
            String template = questions[random.nextInt(questions.length)];
            String name = random.nextBoolean() ? a.name() : a.name().toLowerCase(java.util.Locale.ROOT);
            question.add(new Judged(SearchRequest.text(template.formatted(name)), Set.of(a.id())));
        }
        judged.put("exact name", exact);
        judged.put("one word", one);
        judged.put("two words", two);
        judged.put("typo (tag word)", tagTypo);
        judged.put("typo (name word)", nameTypo);
        judged.put("facet-filtered", facet);
        judged.put("question", question);
        return judged;
    }

    private static Set<String> ids(List<Product> products, Predicate<Product> relevant) {
        return products.stream()
                .filter(Product::visible)
                .filter(relevant)
                .map(Product::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a relevant product is among the first three. */
    static boolean inTop3(List<String> ranked, Set<String> relevant) {
        return ranked.stream().limit(3).anyMatch(relevant::contains);
    }

    /** nDCG@10, binary gains: DCG over the first ten divided by that of the best possible ranking. */
    static double ndcgAt10(List<String> ranked, Set<String> relevant) {
        double dcg = 0;
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            // a product shown twice is found once
            if (seen.add(ranked.get(i)) && relevant.contains(ranked.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(10, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /** Whether a product appears more than once on the page. */
    static boolean repeats(List<String> ranked) {
        return new java.util.HashSet<>(ranked).size() < ranked.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

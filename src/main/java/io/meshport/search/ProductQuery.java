package io.meshport.search;

import io.meshport.catalog.ProductStatus;
import io.meshport.identity.Identity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.jspecify.annotations.Nullable;

/**
 * What a catalog search looks for, as a Hibernate Search predicate (its DSL only, so any backend
 * runs it): the words of the query, each in a name, id, tag, purpose or details (stemmed), as the
 * start of a name word or one typo from a name word or tag; exact names and ids far above all
 * else; the facet filters and what is hidden. Every word must be found, or, when no product holds
 * every word, most of them (a question, not a name: docs/decisions/0020).
 */
final class ProductQuery {

    static final int MAX_WORDS = 12;
    static final int MAX_PARTS = 3;

    /** A query of fewer meaningful words than this is never answered with most of them. */
    static final int FEWEST_FOR_MOST = 3;

    /** The share of a query's meaningful words that "most of them" means, rounded down (at least 2). */
    static final int MOST_PERCENT = 60;

    static final Map<String, String> FACET_FIELDS = Map.of(
            "domain",
            "domain",
            "team",
            "ownerTeam",
            "status",
            "status",
            "tag",
            "tags",
            "portType",
            "port_type",
            "violating",
            "violating");

    /**
     * Words a query need not find: English stop words (Lucene's list), and the words that make a
     * question or a request of it, which name no data ("which customers are likely to leave",
     * "how much did we spend", "show me everything about ...").
     */
    static final Set<String> STOP_WORDS = Set.of((
            // Lucene's English stop words,
            """
            a an and are as at be but by for if in into is it no not of on or such that the their
            then there these they this to was will with
            """
                    // and the question words, pronouns and helpers of a question.
                    + """
            what which who whom whose where when why how i me my we us our ours you your its do does
            did have has had can could should would might must shall been being were am likely much
            many each every all any some most from about show find give get want need know
            everything anything something there's what's
            """)
            .strip()
            .split("\\s+"));

    private ProductQuery() {}

    /**
     * What the index knows of a query's words of five letters or more: those that some product
     * name holds as typed (no typos: their plurals and stems are matched by the stemmed name field
     * anyway), and for the others the name words and tags one typo away. Looked up in the index's
     * terms dictionaries (see {@link Typos}).
     *
     * @param query the words to be found (see {@link #queryWords})
     * @param typoNames per word not spelled as in a name, the name words one edit away; a word
     *     missing here (several tokens, or the index unreadable) gets Lucene's fuzzy matching
     * @param typoTags per word not spelled as in a name, the tags one edit away; a word missing
     *     here gets fuzzy matching against whole tags
     * @param lean whether each word is looked for with a few plain clauses only: the fallback for a
     *     query that exceeded Lucene's clause limit all the same
     * @param atLeast how many of the words a product must hold: all of them, or for a partial
     *     match most of them (see {@link #mostOfThem})
     */
    record Words(
            List<String> query,
            Set<String> spelled,
            Map<String, Set<String>> typoNames,
            Map<String, Set<String>> typoTags,
            boolean lean,
            int atLeast) {

        /** Every word to be found. */
        Words(
                List<String> query,
                Set<String> spelled,
                Map<String, Set<String>> typoNames,
                Map<String, Set<String>> typoTags,
                boolean lean) {
            this(query, spelled, typoNames, typoTags, lean, query.size());
        }

        static Words unknown(List<String> query, boolean lean) {
            return new Words(query, Set.of(), Map.of(), Map.of(), lean);
        }

        /** Whether a product need hold only some of the words. */
        boolean partial() {
            return atLeast < query.size();
        }

        /**
         * The words of two letters or digits or more, most of them to be found: {@value
         * #MOST_PERCENT} % rounded down, at least two; null for a query of fewer than {@value
         * #FEWEST_FOR_MOST} such words (two words both count: "stock qwzxv" finds nothing rather
         * than every stock product; single letters, which start a name word somewhere, count
         * for nothing).
         */
        @Nullable
        Words mostOfThem() {
            List<String> counted = query.stream()
                    .filter(word ->
                            word.codePoints().filter(Character::isLetterOrDigit).count() >= 2)
                    .toList();
            if (partial() || counted.size() < FEWEST_FOR_MOST) {
                return null;
            }
            return new Words(
                    counted, spelled, typoNames, typoTags, lean, Math.max(2, counted.size() * MOST_PERCENT / 100));
        }
    }

    /**
     * The words of a query to be found: those with a letter or digit, without {@link #STOP_WORDS}
     * (unless that is all there is), at most {@link #MAX_WORDS}. A compound of more than {@link
     * #MAX_PARTS} parts ({@code customer_order_line_item_sku}, {@code
     * CustomerLifetimeValueByRegion}, {@code a,b,c,d}) counts as its parts, each a word: the name
     * analysis splits a compound into its parts, joins them again and pairs neighbours, and a query
     * of every path through that graph grows exponentially with the parts, past Lucene's clause
     * limit. The compound as a whole is still found by the joined name.
     *
     * @param parts how the index splits a word into parts (the name words' analyzer)
     */
    static List<String> queryWords(String text, Analyzer parts) {
        List<String> words = new ArrayList<>();
        for (String word : text.split("\\s+")) {
            if (word.codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            List<String> split = Snippets.tokens(parts, word);
            if (split.size() > MAX_PARTS) {
                words.addAll(split);
            } else {
                words.add(word);
            }
        }
        List<String> distinct = words.stream().distinct().toList();
        List<String> meaningful = distinct.stream()
                .filter(word -> !STOP_WORDS.contains(word.toLowerCase(Locale.ROOT)))
                .toList();
        return (meaningful.isEmpty() ? distinct : meaningful)
                .stream().limit(MAX_WORDS).toList();
    }

    /**
     * @param ignoredFacet a facet whose filter is left out (its own counts ignore it), or null
     * @param words what the index knows of the query's words, and how many must be found
     */
    static PredicateFinalStep predicate(
            SearchPredicateFactory f,
            SearchRequest request,
            Identity caller,
            @Nullable String ignoredFacet,
            Words words) {
        BooleanPredicateClausesStep<?, ?> bool = f.bool();
        String text = request.text();
        if (text.isEmpty()) {
            bool.must(f.matchAll());
        } else {
            String lower = text.toLowerCase(Locale.ROOT);
            // Every word must be found (in a name, id, tag, purpose or details, or as the start of
            // a name word, or within one typo of a name word), or most of them for a partial
            // match, unless the whole text is a name or id, however it is written. Products that
            // hold more of the words score higher: each word found adds its own score.
            BooleanPredicateClausesStep<?, ?> wordsFound = f.bool();
            for (String word : words.query()) {
                PredicateFinalStep found = found(f, word, words);
                if (words.partial()) {
                    wordsFound.should(found);
                } else {
                    wordsFound.must(found);
                }
            }
            if (words.partial()) {
                wordsFound.minimumShouldMatchNumber(words.atLeast());
            }
            BooleanPredicateClausesStep<?, ?> matches = f.bool()
                    .should(f.match().field("name_exact").matching(lower).boost(1000f))
                    .should(f.match().field("id_exact").matching(lower).boost(1000f))
                    .should(f.match().field("name_joined").matching(text).boost(900f));
            if (wordsFound.hasClause()) {
                matches.should(wordsFound);
            }
            bool.must(matches);
            if (!words.lean()) {
                // Names that start with what was typed, as typed, next.
                bool.should(f.match()
                        .field("name_prefix")
                        .matching(text)
                        .minimumShouldMatchPercent(100)
                        .boost(40f));
            }
            // Active products above deprecated ones at equal relevance.
            bool.should(f.match().field("status").matching(ProductStatus.ACTIVE).boost(1.5f));
        }
        filter(bool, f, "domain", request.domains(), ignoredFacet, Function.identity());
        filter(bool, f, "team", request.teams(), ignoredFacet, Function.identity());
        filter(bool, f, "status", request.statuses(), ignoredFacet, Function.identity());
        filter(bool, f, "tag", request.tags(), ignoredFacet, Function.identity());
        filter(bool, f, "portType", request.portTypes(), ignoredFacet, Function.identity());
        filter(bool, f, "violating", request.violating(), ignoredFacet, Function.identity());
        if (request.minTrust() != null) {
            // A product not yet evaluated has no score, so no range holds it.
            bool.filter(f.range().field("trust_score").atLeast(request.minTrust()));
        }
        if (request.myTeams()) {
            Set<String> teams = caller.teams();
            bool.filter(
                    teams.isEmpty()
                            ? f.not(f.matchAll())
                            : f.terms().field("ownerTeam").matchingAny(teams));
        }
        if (!request.includeRetired() && !request.statuses().contains("retired")) {
            bool.mustNot(f.match().field("status").matching(ProductStatus.RETIRED));
        }
        hideOtherTeamsDrafts(bool, f, request, caller);
        return bool;
    }

    /** One word found somewhere, names and tags weighted above purpose and details. */
    private static PredicateFinalStep found(SearchPredicateFactory f, String word, Words words) {
        BooleanPredicateClausesStep<?, ?> found = f.bool();
        if (words.lean()) {
            // Fields whose analysis makes no graph of a word's parts: a few clauses a word.
            return found.should(f.match().field("name_words").matching(word).boost(10f))
                    .should(f.match().field("purpose").matching(word).boost(2f))
                    .should(f.match().field("details").matching(word).boost(1f));
        }
        found.should(f.match().field("name").matching(word).boost(10f))
                .should(f.match().field("name_prefix").matching(word).boost(3f))
                .should(f.match().field("id_text").matching(word).boost(8f))
                .should(f.match().field("tags_text").matching(word).boost(4f))
                .should(f.match().field("purpose").matching(word).boost(2f))
                .should(f.match().field("details").matching(word).boost(1f));
        // Typos: one edit in a word of five letters or more, its first two letters as typed,
        // against name words and tags; a word some name holds as typed is no typo.
        if (word.codePoints().filter(Character::isLetter).count() >= 5
                && !words.spelled().contains(word)) {
            Set<String> names = words.typoNames().get(word);
            if (names == null) {
                found.should(
                        f.match().field("name_words").matching(word).fuzzy(1, 2).boost(3f));
            } else {
                names.forEach(name -> found.should(
                        f.match().field("name_words").matching(name).boost(3f)));
            }
            Set<String> tags = words.typoTags().get(word);
            if (tags == null) {
                // The same tags the embedded index's neighbours are: the whole tag one edit away
                // (a swap of neighbours counts as one), its first two letters as typed.
                found.should(
                        f.match().field("tags_typo").matching(word).fuzzy(1, 2).boost(3f));
            } else {
                tags.forEach(tag ->
                        found.should(f.match().field("tags").matching(tag).boost(3f)));
            }
        }
        return found;
    }

    /**
     * A catalog, not a workshop: other teams' draft and proposed products are left out unless the
     * search asks for them (or filters by that status); the caller's own teams' stay.
     */
    static void hideOtherTeamsDrafts(
            BooleanPredicateClausesStep<?, ?> bool, SearchPredicateFactory f, SearchRequest request, Identity caller) {
        Set<String> hidden = request.hiddenOtherTeamsStatuses();
        if (hidden.isEmpty()) {
            return;
        }
        BooleanPredicateClausesStep<?, ?> othersWork =
                f.bool().must(f.terms().field("status").matchingAny(hidden, ValueModel.INDEX));
        if (!caller.teams().isEmpty()) {
            othersWork.mustNot(f.terms().field("ownerTeam").matchingAny(caller.teams()));
        }
        bool.mustNot(othersWork);
    }

    private static void filter(
            BooleanPredicateClausesStep<?, ?> bool,
            SearchPredicateFactory f,
            String facet,
            Set<String> values,
            @Nullable String ignoredFacet,
            Function<String, String> convert) {
        if (values.isEmpty() || facet.equals(ignoredFacet)) {
            return;
        }
        Collection<String> converted = values.stream().map(convert).toList();
        bool.filter(f.terms().field(FACET_FIELDS.get(facet)).matchingAny(converted, ValueModel.INDEX));
    }
}

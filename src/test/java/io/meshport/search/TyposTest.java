package io.meshport.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The embedded index's typo neighbours, read from a Lucene terms dictionary in this JVM ({@link
 * LuceneShortcuts}): Lucene only, and no portal needed. A cluster answers typos with fuzzy
 * matching instead; that both backends forgive the same typos is {@code
 * SearchRelevanceTest#one_typo_still_finds_it} and its OpenSearch variant.
 */
class TyposTest {

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource({
        "ledger, ledger, true",
        "ledger, ledgre, true", // neighbours swapped
        "ledger, ledgers, true", // a letter added
        "ledger, leger, true", // a letter dropped
        "ledger, ledgar, true", // a letter changed
        "ledger, lerdge, false",
        "ledger, ledgerss, false",
        "ledger, lodgar, false",
        "ledger, eldger, true",
        "shipments, shipmetns, true",
        "shipments, shpiments, true",
        "ab, ba, true",
        "abc, bca, false",
    })
    void one_edit_is_an_insertion_deletion_substitution_or_swap(String a, String b, boolean expected) {
        assertThat(Typos.withinOneEdit(a, b)).isEqualTo(expected);
        assertThat(Typos.withinOneEdit(b, a)).as("symmetric").isEqualTo(expected);
    }

    @Test
    void neighbours_are_the_indexed_words_one_edit_away_with_the_first_two_letters_as_typed() throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
                for (String word : List.of("ledger", "ledgers", "legend", "pledger", "elder", "leader", "ledge")) {
                    Document document = new Document();
                    document.add(new StringField("words", word, Field.Store.NO));
                    writer.addDocument(document);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(Typos.neighbours(MultiTerms.getTerms(reader, "words"), "ledgre"))
                        .as("two letters swapped, or the last one added")
                        .containsExactlyInAnyOrder("ledger", "ledge");
                assertThat(Typos.neighbours(MultiTerms.getTerms(reader, "words"), "ledger"))
                        .containsExactlyInAnyOrder("ledge", "ledger", "ledgers");
                assertThat(Typos.neighbours(MultiTerms.getTerms(reader, "words"), "eldger"))
                        .as("the first two letters count as typed: not ledger")
                        .containsExactly("elder");
                assertThat(Typos.neighbours(MultiTerms.getTerms(reader, "nothing"), "ledger"))
                        .isEmpty();
            }
        }
    }
}

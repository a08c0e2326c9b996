package io.meshport.search;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Typo tolerance by looking words up in the index's terms dictionary: the indexed words one edit
 * away from a query word (a letter added, dropped, changed, or two neighbours swapped) that start
 * with the same two letters. Lucene's fuzzy query finds the same words by building a Levenshtein
 * automaton per word and query, which was the largest part of preparing a search; a dictionary
 * holds few words per two-letter start, and checking each one is a few comparisons.
 */
final class Typos {

    /** As Lucene's fuzzy query: the first letters are taken as typed. */
    static final int PREFIX = 2;

    /** At most this many neighbours per word (Lucene's fuzzy query expands to 50 too). */
    static final int MAX_NEIGHBOURS = 50;

    private Typos() {}

    /** The terms of a field one edit away from {@code word} (the word itself included if indexed). */
    static Set<String> neighbours(@Nullable Terms terms, String word) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        if (terms == null || word.length() <= PREFIX) {
            return found;
        }
        String prefix = word.substring(0, PREFIX);
        TermsEnum dictionary = terms.iterator();
        if (dictionary.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
            return found;
        }
        for (BytesRef term = dictionary.term(); term != null; term = dictionary.next()) {
            String candidate = term.utf8ToString();
            if (!candidate.startsWith(prefix)) {
                break;
            }
            if (withinOneEdit(word, candidate)) {
                found.add(candidate);
                if (found.size() == MAX_NEIGHBOURS) {
                    break;
                }
            }
        }
        return found;
    }

    /** Whether one insertion, deletion, substitution or swap of neighbours turns one into the other. */
    static boolean withinOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == la && i == lb) {
            return true;
        }
        if (la == lb) {
            boolean substituted = a.regionMatches(i + 1, b, i + 1, la - i - 1);
            boolean swapped = i + 1 < la
                    && a.charAt(i) == b.charAt(i + 1)
                    && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, la - i - 2);
            return substituted || swapped;
        }
        return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
    }
}

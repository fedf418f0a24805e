package org.pressmon.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Runs after the Romanian Snowball stemmer and undoes the consonant alternation
 * of Romanian plurals that the stemmer leaves in the stem: migranți -> "migranț"
 * but migrant -> "migrant"; artiști -> "artișt" but artist -> "artist". A stem
 * ending in ț, ș or șt gets t, s or st, so singular and plural share one term.
 */
final class RomanianStemFinalFilter extends TokenFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

    RomanianStemFinalFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (keywordAtt.isKeyword()) {
            return true;
        }
        char[] buffer = termAtt.buffer();
        int length = termAtt.length();
        // Keep very short words (e.g. "aș") as they are: they are not stems of plurals.
        if (length < 4) {
            return true;
        }
        int last = length - 1;
        if (buffer[last] == '\u021B') {
            buffer[last] = 't';
            if (buffer[last - 1] == '\u0219') {
                buffer[last - 1] = 's';
            }
        } else if (buffer[last] == '\u0219') {
            buffer[last] = 's';
        }
        return true;
    }
}

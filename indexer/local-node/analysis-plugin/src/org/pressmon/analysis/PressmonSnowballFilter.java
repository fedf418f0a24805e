package org.pressmon.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.tartarus.snowball.SnowballStemmer;

/**
 * Stems each token with a Snowball stemmer. Lucene's Romanian stemmer was
 * generated from a Snowball grammar that spells ş and ţ with a cedilla, while
 * current Romanian text (and pressmon's normaliser) uses the comma-below ș and
 * ț; for Romanian the term is switched to cedilla for the stemmer and back to
 * comma-below afterwards, so the index keeps the modern spelling.
 */
final class PressmonSnowballFilter extends TokenFilter {
    private final SnowballStemmer stemmer;
    private final boolean isRomanian;
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

    PressmonSnowballFilter(TokenStream input, String language) {
        super(input);
        this.stemmer = SnowballLanguages.newStemmer(language);
        this.isRomanian = SnowballLanguages.isRomanian(language);
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
        if (isRomanian) {
            RomanianCedillaFilter.commaBelowToCedilla(buffer, length);
        }
        stemmer.setCurrent(buffer, length);
        stemmer.stem();
        char[] stemmed = stemmer.getCurrentBuffer();
        int stemmedLength = stemmer.getCurrentBufferLength();
        if (isRomanian) {
            RomanianCedillaFilter.cedillaToCommaBelow(stemmed, stemmedLength);
        }
        termAtt.copyBuffer(stemmed, 0, stemmedLength);
        return true;
    }
}

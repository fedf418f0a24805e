package org.pressmon.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The normalisation of Lucene's UkrainianMorfologikAnalyzer (mapping_uk.txt) as
 * a token filter: typographic apostrophes (U+2019, U+02BC) become the ASCII
 * apostrophe the dictionary uses, and the combining stress accent (U+0301) is
 * removed.
 */
final class UkrainianNormalizeFilter extends TokenFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

    UkrainianNormalizeFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = termAtt.buffer();
        int length = termAtt.length();
        int out = 0;
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if (c == '\u0301') {
                continue;
            }
            buffer[out++] = (c == '\u2019' || c == '\u02BC') ? '\'' : c;
        }
        termAtt.setLength(out);
        return true;
    }
}

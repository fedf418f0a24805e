package org.pressmon.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Runs after the Russian Snowball stemmer and removes the fleeting vowel that
 * it leaves in stems ending in -ец and -ок: беженец -> "беженец" but беженцев ->
 * "беженц"; иностранец / иностранца; подросток / подростка. A stem ending in ец
 * or ок loses the vowel, so every form of the word shares one term. The rule
 * only looks at stems, so words without a fleeting vowel (кузнец, кузнеца)
 * stay consistent with themselves.
 */
final class RussianStemFinalFilter extends TokenFilter {
    /** Shorter stems (отец, конец are long enough; "ок" alone is not) are left as they are. */
    private static final int MIN_LENGTH = 4;
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

    RussianStemFinalFilter(TokenStream input) {
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
        if (length < MIN_LENGTH) {
            return true;
        }
        char vowel = buffer[length - 2];
        char last = buffer[length - 1];
        boolean isFleeting = (vowel == '\u0435' && last == '\u0446') || (vowel == '\u043E' && last == '\u043A'); // ец, ок
        if (isFleeting) {
            buffer[length - 2] = last;
            termAtt.setLength(length - 1);
        }
        return true;
    }
}

package org.pressmon.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Rewrites the Romanian letters with a cedilla (ş ţ Ş Ţ, common in text typed
 * before 2010 or on old keyboards) to the correct comma-below letters (ș ț Ș Ț),
 * so that both spellings index and match the same.
 */
final class RomanianCedillaFilter extends TokenFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

    RomanianCedillaFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        cedillaToCommaBelow(termAtt.buffer(), termAtt.length());
        return true;
    }

    static void cedillaToCommaBelow(char[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            switch (buffer[i]) {
                case '\u015F' -> buffer[i] = '\u0219'; // ş -> ș
                case '\u0163' -> buffer[i] = '\u021B'; // ţ -> ț
                case '\u015E' -> buffer[i] = '\u0218'; // Ş -> Ș
                case '\u0162' -> buffer[i] = '\u021A'; // Ţ -> Ț
                default -> {}
            }
        }
    }

    static void commaBelowToCedilla(char[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            switch (buffer[i]) {
                case '\u0219' -> buffer[i] = '\u015F';
                case '\u021B' -> buffer[i] = '\u0163';
                case '\u0218' -> buffer[i] = '\u015E';
                case '\u021A' -> buffer[i] = '\u0162';
                default -> {}
            }
        }
    }
}

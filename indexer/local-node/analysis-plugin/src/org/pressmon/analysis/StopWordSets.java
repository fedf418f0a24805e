package org.pressmon.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;

/**
 * Stop-word sets for {@code pressmon_stop} that core Elasticsearch's {@code stop}
 * filter lacks: Polish and Ukrainian have no named list there, and Lucene's
 * Romanian list spells ş/ţ with a cedilla only, so "și" would survive it.
 */
final class StopWordSets {
    private StopWordSets() {}

    static CharArraySet forLanguage(String language) {
        String key = language == null ? "" : language.toLowerCase(Locale.ROOT);
        return switch (key) {
            case "romanian" -> romanian();
            case "polish" -> PolishAnalyzer.getDefaultStopSet();
            case "ukrainian" -> UkrainianMorfologikAnalyzer.getDefaultStopwords();
            default -> throw new IllegalArgumentException(
                "pressmon_stop does not know language [" + language + "], use one of [romanian, polish, ukrainian]"
            );
        };
    }

    /** Lucene's Romanian list in both spellings (cedilla and comma-below). */
    private static CharArraySet romanian() {
        CharArraySet lucene = RomanianAnalyzer.getDefaultStopSet();
        List<String> words = new ArrayList<>();
        for (Object word : lucene) {
            char[] chars = ((char[]) word).clone();
            words.add(new String(chars));
            RomanianCedillaFilter.cedillaToCommaBelow(chars, chars.length);
            words.add(new String(chars));
        }
        return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
    }
}

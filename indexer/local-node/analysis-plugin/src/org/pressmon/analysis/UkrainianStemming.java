package org.pressmon.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

import morfologik.stemming.Dictionary;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.morfologik.MorfologikFilter;

/**
 * Lemmatisation with the Ukrainian morfologik dictionary (ua.net.nlp
 * morfologik-ukrainian-search), as Lucene's UkrainianMorfologikAnalyzer does.
 * The 7 MB dictionary is read once, on first use, and shared.
 */
final class UkrainianStemming {
    private static final String DICTIONARY_RESOURCE = "ua/net/nlp/ukrainian.dict";
    private static volatile Dictionary dictionary;

    private UkrainianStemming() {}

    static Dictionary dictionary() {
        Dictionary loaded = dictionary;
        if (loaded == null) {
            synchronized (UkrainianStemming.class) {
                loaded = dictionary;
                if (loaded == null) {
                    loaded = readDictionary();
                    dictionary = loaded;
                }
            }
        }
        return loaded;
    }

    static TokenStream newFilter(TokenStream input) {
        return new MorfologikFilter(input, dictionary());
    }

    private static Dictionary readDictionary() {
        URL url = UkrainianStemming.class.getClassLoader().getResource(DICTIONARY_RESOURCE);
        if (url == null) {
            throw new IllegalStateException(
                "pressmon_ukrainian_stem: " + DICTIONARY_RESOURCE + " is not on the plugin's class path; "
                    + "reinstall the pressmon-analysis plugin"
            );
        }
        try {
            return Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("pressmon_ukrainian_stem: cannot read " + url, e);
        }
    }
}

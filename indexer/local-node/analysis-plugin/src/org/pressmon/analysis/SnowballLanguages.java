package org.pressmon.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.HungarianStemmer;
import org.tartarus.snowball.ext.RomanianStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/** The Snowball stemmers that {@code pressmon_snowball} accepts in its {@code language} setting. */
final class SnowballLanguages {
    private static final Map<String, Supplier<SnowballStemmer>> STEMMERS = Map.of(
        "english", EnglishStemmer::new,
        "french", FrenchStemmer::new,
        "german", GermanStemmer::new,
        "hungarian", HungarianStemmer::new,
        "romanian", RomanianStemmer::new,
        "russian", RussianStemmer::new
    );

    private SnowballLanguages() {}

    static SnowballStemmer newStemmer(String language) {
        if (language == null) {
            throw new IllegalArgumentException("pressmon_snowball needs a [language] setting, one of " + STEMMERS.keySet());
        }
        Supplier<SnowballStemmer> stemmer = STEMMERS.get(language.toLowerCase(Locale.ROOT));
        if (stemmer == null) {
            throw new IllegalArgumentException(
                "pressmon_snowball does not know language [" + language + "], use one of " + STEMMERS.keySet()
            );
        }
        return stemmer.get();
    }

    static boolean isRomanian(String language) {
        return "romanian".equalsIgnoreCase(language);
    }
}

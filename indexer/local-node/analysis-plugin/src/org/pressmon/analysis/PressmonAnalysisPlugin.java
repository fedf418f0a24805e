package org.pressmon.analysis;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.stempel.StempelFilter;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Registers pressmon's token filters. They wrap Lucene classes that the
 * Elasticsearch integ-test distribution ships in lib/ (or that this plugin
 * bundles) but does not expose, because that distribution has no
 * analysis-common module. The names are a contract with indexer/analysis.ts.
 */
public final class PressmonAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.ofEntries(
            entry("pressmon_fold", (indexSettings, env, name, settings) -> {
                boolean preserveOriginal = settings.getAsBoolean("preserve_original", false);
                return filter(name, in -> new ASCIIFoldingFilter(in, preserveOriginal));
            }),
            // Filters that need a setting are only built where an index defines them,
            // never as a default instance under their own name.
            entry("pressmon_snowball", AnalysisPlugin.requiresAnalysisSettings((indexSettings, env, name, settings) -> {
                String language = settings.get("language");
                // Fail when the index is created, not when the first document arrives.
                SnowballLanguages.newStemmer(language);
                return filter(name, in -> new PressmonSnowballFilter(in, language));
            })),
            entry("pressmon_polish_stem", (indexSettings, env, name, settings) ->
                filter(name, in -> new StempelFilter(in, PolishStemming.newStemmer()))),
            entry("pressmon_ukrainian_stem", (indexSettings, env, name, settings) -> {
                // Read the dictionary now, so that a broken install fails index creation.
                UkrainianStemming.dictionary();
                return filter(name, UkrainianStemming::newFilter);
            }),
            entry("pressmon_ukrainian_normalize", (indexSettings, env, name, settings) ->
                filter(name, UkrainianNormalizeFilter::new)),
            entry("pressmon_romanian_cedilla", (indexSettings, env, name, settings) ->
                filter(name, RomanianCedillaFilter::new)),
            entry("pressmon_romanian_stem_final", (indexSettings, env, name, settings) ->
                filter(name, RomanianStemFinalFilter::new)),
            entry("pressmon_russian_stem_final", (indexSettings, env, name, settings) ->
                filter(name, RussianStemFinalFilter::new)),
            entry("pressmon_english_possessive", (indexSettings, env, name, settings) ->
                filter(name, EnglishPossessiveFilter::new)),
            entry("pressmon_remove_duplicates", (indexSettings, env, name, settings) ->
                filter(name, RemoveDuplicatesTokenFilter::new)),
            entry("pressmon_stop", AnalysisPlugin.requiresAnalysisSettings((indexSettings, env, name, settings) -> {
                var stopWords = StopWordSets.forLanguage(settings.get("language"));
                return filter(name, in -> new StopFilter(in, stopWords));
            }))
        );
    }

    private static Map.Entry<String, AnalysisProvider<TokenFilterFactory>> entry(
        String name,
        AnalysisProvider<TokenFilterFactory> provider
    ) {
        return Map.entry(name, provider);
    }

    private static TokenFilterFactory filter(String name, UnaryOperator<TokenStream> create) {
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TokenStream create(TokenStream tokenStream) {
                return create.apply(tokenStream);
            }
        };
    }
}

package org.pressmon.analysis;

import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.stempel.StempelStemmer;

/** Lucene's Stempel stemmer with the Polish table bundled in lucene-analysis-stempel. */
final class PolishStemming {
    private PolishStemming() {}

    /** A new stemmer over the shared table; a stemmer keeps a buffer, so one per token stream. */
    static StempelStemmer newStemmer() {
        return new StempelStemmer(PolishAnalyzer.getDefaultTable());
    }
}

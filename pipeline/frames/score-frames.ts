import type { DetectedLanguageCode } from '../../core/languages.ts';
import { type AnalysedText, type ArticleText, analyseText } from '../text/index.ts';
import { tagTopics } from '../topics/index.ts';
import type { FrameScore } from '../types.ts';
import type { CompiledFrames } from './compile-frames.ts';

/** An article's text and detected language (own-language terms weigh more). */
export interface FrameScoringText extends ArticleText {
  readonly language: DetectedLanguageCode;
}

/**
 * The portrayal frames an article uses, best first, each with the terms that
 * matched (field, text as written, count). Frames are scored exactly like
 * topics (pipeline/topics/tag-topics.ts and scoring.ts): title and lead weigh
 * more, repeated terms saturate, long texts are normalised, and a frame is
 * kept from one own-language match in the body of a short text upwards.
 * `analysed`: the article analysed with a dictionary that covers `compiled.dictionary`.
 */
export function scoreFrames(
  compiled: CompiledFrames,
  article: FrameScoringText,
  analysed: AnalysedText = analyseText(compiled.dictionary, article),
): FrameScore[] {
  return tagTopics(compiled.frames, article, analysed).topics.map(({ id, score, terms }) => ({
    id,
    score,
    terms,
  }));
}

import type { Frame, TerminologyLabel } from '../../config/types.ts';
import { ConfigError } from '../../core/errors.ts';
import { COALITION_LANGUAGES } from '../../core/languages.ts';
import {
  type CompiledTerm,
  combineDictionaries,
  compileDictionary,
  compileTerm,
  type TermDictionary,
} from '../text/index.ts';
import { type CompiledTaxonomy, compileTopics } from '../topics/index.ts';

/** One terminology label with its terms compiled. */
export interface CompiledLabel {
  readonly id: string;
  readonly terms: readonly CompiledTerm[];
}

/** Frames and terminology ready for matching: compile once, score many articles. */
export interface CompiledFrames {
  /** Frames compiled like topics (they share the topic shape), without the migration vocabulary. */
  readonly frames: CompiledTaxonomy;
  readonly terminology: readonly CompiledLabel[];
  /** The terms of the frames (with their exclusions) and of the labels, for matching (analyseText). */
  readonly dictionary: TermDictionary;
}

/**
 * Compiles frames and terminology labels (config/frames.yaml). Throws a
 * ConfigError naming the frame or label and the term when a pattern is
 * malformed (the config loader normally reports these first).
 */
export function compileFrames(
  frames: readonly Frame[],
  terminology: readonly TerminologyLabel[],
): CompiledFrames {
  const compiledFrames = compileTopics(frames, null);
  const labels = terminology.map(compileLabel);
  const labelTerms = compileDictionary(labels.flatMap((label) => label.terms));
  return {
    frames: compiledFrames,
    terminology: labels,
    dictionary: combineDictionaries(compiledFrames.dictionary, labelTerms),
  };
}

function compileLabel(label: TerminologyLabel): CompiledLabel {
  const terms: CompiledTerm[] = [];
  for (const language of COALITION_LANGUAGES) {
    for (const pattern of label.terms[language] ?? []) {
      const compiled = compileTerm(pattern, language);
      if (!compiled.ok) {
        throw new ConfigError(
          `compiling terminology label "${label.id}" (frames.yaml): terms.${language} "${pattern}": ${compiled.reason}; fix the term and run \`pressmon config check\``,
        );
      }
      terms.push(compiled.term);
    }
  }
  return { id: label.id, terms };
}

import type { AnalysedField } from './analyse-text.ts';
import type { CompiledTerm } from './compile-term.ts';
import type { Occurrence } from './term-dictionary.ts';

// The values tagging passes between its steps, in a module of their own so
// that tag-topics.ts and migration-evidence.ts need not import each other.

/** A kept occurrence of a term, with the weight of the term's language. */
export interface Hit {
  readonly term: CompiledTerm;
  readonly occurrence: Occurrence;
  readonly weight: number;
}

/** The kept hits of one topic (or of the vocabulary) in one field. */
export interface FieldHits {
  readonly field: AnalysedField;
  readonly hits: readonly Hit[];
}

import type { CompiledTerm } from './compile-topics.ts';
import type { FieldIndex, Occurrence } from './find-terms.ts';
import type { Field } from './scoring.ts';

// The values tagging passes between its steps, in a module of their own so
// that tag-topics.ts and migration-evidence.ts need not import each other.

export interface IndexedField {
  readonly field: Field;
  readonly text: string;
  readonly index: FieldIndex;
}

/** A kept occurrence of a term, with the weight of the term's language. */
export interface Hit {
  readonly term: CompiledTerm;
  readonly occurrence: Occurrence;
  readonly weight: number;
}

/** The kept hits of one topic (or of the vocabulary) in one field. */
export interface FieldHits {
  readonly field: IndexedField;
  readonly hits: readonly Hit[];
}

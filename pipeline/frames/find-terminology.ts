import {
  type AnalysedText,
  type ArticleText,
  analyseText,
  assertAnalysedFor,
  type CompiledTerm,
  type Occurrence,
  occurrencesOf,
} from '../text/index.ts';
import type { TerminologyUse, TermMatch } from '../types.ts';
import type { CompiledFrames } from './compile-frames.ts';

interface LabelHit {
  readonly label: string;
  readonly term: CompiledTerm;
  readonly occurrence: Occurrence;
}

/**
 * The labels an article uses for people on the move, with how often (title,
 * lead and body together) and the words as written, most used first, then by
 * id. Terms of every language are tried on every text. Where terms overlap,
 * the longer one wins and a word counts for one label only: `imigranți
 * ilegali` counts as `illegal_immigrant`, not also as `immigrant`.
 * `analysed`: the article analysed with a dictionary that covers `compiled.dictionary`.
 */
export function findTerminology(
  compiled: CompiledFrames,
  article: ArticleText,
  analysed: AnalysedText = analyseText(compiled.dictionary, article),
): TerminologyUse[] {
  assertAnalysedFor(analysed, compiled.dictionary, 'findTerminology');
  const uses = new Map<string, { count: number; terms: TermMatch[] }>();
  for (const field of analysed.fields) {
    const candidates: LabelHit[] = compiled.terminology.flatMap((label) =>
      label.terms.flatMap((term) =>
        occurrencesOf(field.matches, term).map((occurrence) => ({ label: label.id, term, occurrence })),
      ),
    );
    for (const [label, hits] of groupByLabel(keepLongest(candidates))) {
      const use = uses.get(label) ?? { count: 0, terms: [] };
      use.count += hits.length;
      for (const [term, termHits] of groupByTerm(hits)) {
        const first = termHits[0];
        if (first === undefined) continue;
        const start = field.tokens[first.occurrence.first]?.start ?? 0;
        const end = field.tokens[first.occurrence.last]?.end ?? start;
        use.terms.push({
          term: term.source,
          field: field.field,
          text: field.text.slice(start, end),
          count: termHits.length,
        });
      }
      uses.set(label, use);
    }
  }
  return [...uses]
    .map(([id, use]) => ({ id, count: use.count, terms: use.terms }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function keepLongest(candidates: LabelHit[]): LabelHit[] {
  candidates.sort(
    (a, b) =>
      b.occurrence.matched.length - a.occurrence.matched.length || a.occurrence.first - b.occurrence.first,
  );
  const used = new Set<number>();
  const kept: LabelHit[] = [];
  for (const hit of candidates) {
    if (hit.occurrence.matched.some((at) => used.has(at))) continue;
    for (const at of hit.occurrence.matched) used.add(at);
    kept.push(hit);
  }
  return kept.sort((a, b) => a.occurrence.first - b.occurrence.first);
}

function groupByLabel(hits: readonly LabelHit[]): Map<string, LabelHit[]> {
  const groups = new Map<string, LabelHit[]>();
  for (const hit of hits) groups.set(hit.label, [...(groups.get(hit.label) ?? []), hit]);
  return groups;
}

function groupByTerm(hits: readonly LabelHit[]): Map<CompiledTerm, LabelHit[]> {
  const groups = new Map<CompiledTerm, LabelHit[]>();
  for (const hit of hits) groups.set(hit.term, [...(groups.get(hit.term) ?? []), hit]);
  return groups;
}

import type { CompiledTerm } from './compile-term.ts';
import type { FieldHits, Hit } from './hits.ts';
import { type Field, saturate, TOPIC_SCORING } from './scoring.ts';

/** What the "migration-related" decision reads. */
export interface MigrationEvidence {
  /** Field- and language-weighted, saturated per term, divided by the length factor. */
  readonly relevance: number;
  /** Some migration term matched in the title or the lead. */
  readonly isInTitleOrLead: boolean;
  /** Distinct terms matched in the body. */
  readonly distinctBodyTerms: number;
}

/**
 * Pools the kept hits of every topic and of the general vocabulary into one
 * measure of how much the text is about migration. In each field a word
 * counts once, for its heaviest and then longest term (`asylum seekers` once,
 * not also as `asylum`); hits of one term (same pattern and language, from
 * whichever topic) are saturated together; relevance = Σ field weight ×
 * language weight × saturate(count) / `divisor` (the length factor).
 */
export function weighMigrationEvidence(perField: readonly FieldHits[], divisor: number): MigrationEvidence {
  const byField = new Map<Field, Hit[]>();
  for (const { field, hits } of perField)
    byField.set(field.field, [...(byField.get(field.field) ?? []), ...hits]);
  let evidence = 0;
  let isInTitleOrLead = false;
  let distinctBodyTerms = 0;
  for (const [field, hits] of byField) {
    const groups = groupByPattern(keepOnePerToken(hits));
    for (const group of groups.values()) {
      const first = group[0];
      if (first === undefined) continue;
      evidence += TOPIC_SCORING.fieldWeights[field] * first.weight * saturate(group.length);
    }
    if (field === 'body') distinctBodyTerms = groups.size;
    else if (groups.size > 0) isInTitleOrLead = true;
  }
  return { relevance: evidence / divisor, isInTitleOrLead, distinctBodyTerms };
}

/**
 * The "migration-related" decision (DESIGN §4: the main subject or a
 * substantial part concerns people moving across borders or living as
 * foreigners), kept to two documented conditions:
 * 1. enough evidence: relevance ≥ {@link TOPIC_SCORING.minRelevance};
 * 2. not a passing mention: a migration term in the title or lead, or at least
 *    {@link TOPIC_SCORING.minDistinctBodyTerms} distinct terms in the body.
 * Exclusions (war fronts, football clubs) have already removed their matches.
 */
export function isMigrationRelated(evidence: MigrationEvidence): boolean {
  if (evidence.relevance < TOPIC_SCORING.minRelevance) return false;
  return evidence.isInTitleOrLead || evidence.distinctBodyTerms >= TOPIC_SCORING.minDistinctBodyTerms;
}

function keepOnePerToken(hits: readonly Hit[]): Hit[] {
  const ordered = [...hits].sort(
    (a, b) => b.weight - a.weight || b.occurrence.matched.length - a.occurrence.matched.length,
  );
  const used = new Set<number>();
  const kept: Hit[] = [];
  for (const hit of ordered) {
    if (hit.occurrence.matched.some((at) => used.has(at))) continue;
    for (const at of hit.occurrence.matched) used.add(at);
    kept.push(hit);
  }
  return kept;
}

function groupByPattern(hits: readonly Hit[]): Map<string, Hit[]> {
  const groups = new Map<string, Hit[]>();
  for (const hit of hits) {
    const key = patternKey(hit.term);
    groups.set(key, [...(groups.get(key) ?? []), hit]);
  }
  return groups;
}

function patternKey(term: CompiledTerm): string {
  return `${term.language}:${term.source.toLowerCase()}`;
}

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.ts';
import type { Topic } from '../../config/types.ts';
import { COALITION_LANGUAGES } from '../../core/languages.ts';
import { matchingTerms } from './reference-matcher.ts';

const CONFIG_DIR = path.resolve(import.meta.dirname, '../../config');

const TOPIC_IDS = [
  'asylum',
  'ukraine_displacement',
  'integration',
  'labour_migration',
  'legal_status',
  'detention_return_border',
  'trafficking',
  'roma',
  'discrimination_hate',
  'children_minors',
  'local_policy',
  'data_statistics',
  'civil_society',
  'public_image',
  'emigration_diaspora',
];

async function loadTopics(): Promise<readonly Topic[]> {
  const result = await loadConfig({ configDir: CONFIG_DIR, sourcesDir: path.join(CONFIG_DIR, 'sources') });
  if (!result.ok) throw new Error(`config has problems: ${JSON.stringify(result.problems, null, 2)}`);
  return result.config.topics;
}

const topics = await loadTopics();

describe('the coalition taxonomy (config/topics)', () => {
  it('has exactly the fifteen agreed topic ids', () => {
    expect(topics.map((topic) => topic.id).sort()).toEqual([...TOPIC_IDS].sort());
  });

  describe.each(TOPIC_IDS)('topic %s', (id) => {
    const topic = topics.find((candidate) => candidate.id === id) as Topic;

    it('has a label and terms in every coalition language', () => {
      for (const lang of COALITION_LANGUAGES) {
        expect(topic.labels[lang], `label ${lang}`).toBeTruthy();
        expect(topic.terms[lang]?.length ?? 0, `terms ${lang}`).toBeGreaterThan(0);
      }
      expect(topic.description.length).toBeGreaterThan(20);
    });

    it('has at least 3 must-match and 2 must-not-match examples across 3 languages, ro and pl matches', () => {
      const { match, noMatch } = topic.examples;
      expect(match.length).toBeGreaterThanOrEqual(3);
      expect(noMatch.length).toBeGreaterThanOrEqual(2);
      expect(new Set([...match, ...noMatch].map((example) => example.lang)).size).toBeGreaterThanOrEqual(3);
      expect(match.some((example) => example.lang === 'ro')).toBe(true);
      expect(match.some((example) => example.lang === 'pl')).toBe(true);
    });

    it('matches each must-match example with its own terms, even without stemming', () => {
      for (const example of topic.examples.match) {
        const terms = topic.terms[example.lang] ?? [];
        expect(matchingTerms(terms, example.text, 'strict'), example.text).not.toEqual([]);
        const exclusions = topic.exclusions[example.lang] ?? [];
        expect(matchingTerms(exclusions, example.text, 'loose'), example.text).toEqual([]);
      }
    });

    it('does not match any must-not-match example, even with loose stemming, unless an exclusion applies', () => {
      for (const example of topic.examples.noMatch) {
        const hits = matchingTerms(topic.terms[example.lang] ?? [], example.text, 'loose');
        const excluded = matchingTerms(topic.exclusions[example.lang] ?? [], example.text, 'strict');
        expect(excluded.length > 0 || hits.length === 0, `${example.text} matched ${hits.join(', ')}`).toBe(
          true,
        );
      }
    });
  });
});

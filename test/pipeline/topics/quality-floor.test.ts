import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfigOrThrow } from '../../../config/index.ts';
import { COALITION_LANGUAGES, type CoalitionLanguage } from '../../../core/languages.ts';
import {
  evaluateTagging,
  type LabelledArticle,
  type TaggingEvaluation,
} from '../../../pipeline/topics/evaluate-tagging.ts';
import { compileTopics } from '../../../pipeline/topics/index.ts';
import { readLabelledSet } from '../../../pipeline/topics/read-labelled-set.ts';

const ROOT = join(import.meta.dirname, '../../..');
const LABELLED_DIR = join(ROOT, 'test/fixtures/topics');

interface Floors {
  readonly floors: Readonly<Record<CoalitionLanguage, { precision: number; recall: number }>>;
}
const { floors } = JSON.parse(readFileSync(join(LABELLED_DIR, 'quality-floor.json'), 'utf8')) as Floors;

/**
 * The quality floor of the "migration-related" decision: the real taxonomy
 * (config/topics and the general migration vocabulary) over the labelled
 * evaluation set must keep per-language precision and recall at or above the
 * floors pinned in test/fixtures/topics/quality-floor.json.
 */
describe('topic tagging quality floor (labelled set)', () => {
  let articles: LabelledArticle[];
  let evaluation: TaggingEvaluation;
  let topicIds: Set<string>;

  beforeAll(async () => {
    const config = await loadConfigOrThrow({
      configDir: join(ROOT, 'config'),
      sourcesDir: join(ROOT, 'config/sources'),
    });
    topicIds = new Set(config.topics.map((topic) => topic.id));
    articles = readLabelledSet(LABELLED_DIR);
    evaluation = evaluateTagging(compileTopics(config.topics), articles);
  });

  it('holds at least 25 articles per coalition language, 30-50% of them migration-related', () => {
    for (const language of COALITION_LANGUAGES) {
      const own = articles.filter((article) => article.lang === language);
      const share = own.filter((article) => article.isMigrationRelated).length / own.length;
      expect(own.length, language).toBeGreaterThanOrEqual(25);
      expect(share, language).toBeGreaterThanOrEqual(0.3);
      expect(share, language).toBeLessThanOrEqual(0.5);
    }
  });

  it('labels consistently: unique ids, real topic ids, topics exactly on migration-related articles', () => {
    expect(new Set(articles.map((article) => article.id)).size).toBe(articles.length);
    for (const article of articles) {
      expect(
        article.topics.every((id) => topicIds.has(id)),
        article.id,
      ).toBe(true);
      expect(article.topics.length > 0, article.id).toBe(article.isMigrationRelated);
    }
  });

  it.each(COALITION_LANGUAGES)(
    '[%s] keeps precision and recall of "migration-related" above the floor',
    (language) => {
      const figures = evaluation.perLanguage[language]?.migrationRelated;
      const wrong = evaluation.errors.filter((error) => error.id.startsWith(`${language}-`));
      expect(figures, `no articles in ${language}`).toBeDefined();
      expect(figures?.precision, JSON.stringify(wrong)).toBeGreaterThanOrEqual(floors[language].precision);
      expect(figures?.recall, JSON.stringify(wrong)).toBeGreaterThanOrEqual(floors[language].recall);
    },
  );
});

/**
 * Topic-tagging benchmark over the labelled evaluation set
 * (test/fixtures/topics/labelled-<lang>.jsonl: real news excerpts and texts
 * written for the set, each labelled by reading against DESIGN §4).
 * Prints, per language, precision and recall of "migration-related" on the
 * whole set and on its two halves (tune: even positions of the id-sorted
 * file, held-out: odd positions), precision and recall of each topic with at
 * least 3 labelled positives, the articles the decision gets wrong, and
 * articles per second.
 * Run: node bench/topics/run.ts [labelled-dir] [config-dir]
 */
import { join } from 'node:path';
import { loadConfigOrThrow } from '../../config/index.ts';
import { COALITION_LANGUAGES } from '../../core/languages.ts';
import {
  evaluateTagging,
  type LabelledArticle,
  type PrecisionRecall,
  type TaggingEvaluation,
} from '../../pipeline/topics/evaluate-tagging.ts';
import { compileTopics } from '../../pipeline/topics/index.ts';
import { readLabelledSet } from '../../pipeline/topics/read-labelled-set.ts';

const ROOT = join(import.meta.dirname, '../..');
const LABELLED_DIR = process.argv[2] ?? join(ROOT, 'test/fixtures/topics');
const CONFIG_DIR = process.argv[3] ?? join(ROOT, 'config');
/** Topics with fewer labelled positives in a language are not reported for it. */
const MIN_TOPIC_POSITIVES = 3;
/** Timing runs over the whole set, for a steadier articles/s. */
const TIMING_ROUNDS = 20;

const config = await loadConfigOrThrow({ configDir: CONFIG_DIR, sourcesDir: join(CONFIG_DIR, 'sources') });
const taxonomy = compileTopics(config.topics);
const articles = readLabelledSet(LABELLED_DIR);

/** Even positions of each language's id-sorted list are the tuning half, odd ones the held-out half. */
function half(which: 0 | 1): LabelledArticle[] {
  return COALITION_LANGUAGES.flatMap((language) =>
    articles
      .filter((article) => article.lang === language)
      .sort((a, b) => a.id.localeCompare(b.id))
      .filter((_, index) => index % 2 === which),
  );
}

function pr(figures: PrecisionRecall | undefined): string {
  if (figures === undefined) return '     -         -   ';
  const { precision, recall, truePositives: tp, falsePositives: fp, falseNegatives: fn } = figures;
  return `P ${precision.toFixed(2)} R ${recall.toFixed(2)} (tp ${tp} fp ${fp} fn ${fn})`;
}

const all = evaluateTagging(taxonomy, articles);
const heldOutIds = new Set(half(1).map((article) => article.id));
const tune = evaluateTagging(taxonomy, half(0));
const heldOut = evaluateTagging(taxonomy, half(1));

console.log(`labelled set: ${articles.length} articles from ${LABELLED_DIR}\n`);
console.log('migration-related, per language');
console.log(
  `${'lang'.padEnd(5)} ${'n'.padStart(3)} ${'pos'.padStart(3)}  ${'all'.padEnd(34)} ${'tune half'.padEnd(34)} held-out half`,
);
for (const language of COALITION_LANGUAGES) {
  const figures = all.perLanguage[language];
  if (figures === undefined) continue;
  console.log(
    `${language.padEnd(5)} ${String(figures.articles).padStart(3)} ${String(figures.positives).padStart(3)}  ${pr(figures.migrationRelated).padEnd(34)} ${pr(tune.perLanguage[language]?.migrationRelated).padEnd(34)} ${pr(heldOut.perLanguage[language]?.migrationRelated)}`,
  );
}

console.log(`\ntopics with >= ${MIN_TOPIC_POSITIVES} labelled positives, per language`);
for (const language of COALITION_LANGUAGES) {
  const topics = all.perLanguage[language]?.topics ?? {};
  for (const [id, figures] of Object.entries(topics)) {
    if (figures.positives < MIN_TOPIC_POSITIVES) continue;
    console.log(
      `${language.padEnd(5)} ${id.padEnd(24)} pos ${String(figures.positives).padStart(2)}  ${pr(figures)}`,
    );
  }
}

printErrors(all);

let elapsedMs = 0;
for (let round = 0; round < TIMING_ROUNDS; round++)
  elapsedMs += evaluateTagging(taxonomy, articles).elapsedMs;
const perSecond = (articles.length * TIMING_ROUNDS) / (elapsedMs / 1000);
console.log(`\nspeed: ${perSecond.toFixed(0)} articles/s (tagging only, ${TIMING_ROUNDS} rounds)`);

function printErrors(evaluation: TaggingEvaluation): void {
  if (evaluation.errors.length === 0) return;
  console.log('\nwrong "migration-related" decisions');
  for (const error of evaluation.errors) {
    const kind = error.expected ? 'missed     ' : 'false alarm';
    const which = heldOutIds.has(error.id) ? 'held-out' : 'tune';
    console.log(`  ${kind} ${error.id} (${which}) relevance ${error.relevance} [${error.topics.join(', ')}]`);
  }
}

/**
 * CPU time per pipeline stage: the stages of processPage (pipeline/index.ts)
 * called one by one, in the same order and with the same inputs, each timed
 * with process.cpuUsage (CPU time, so that other processes on the machine do
 * not inflate it). Keep in step with processPage when a stage is added.
 */
import type { SourceConfig } from '../../config/types.ts';
import type { FetchedPage } from '../../crawlers/types.ts';
import { extractArticle } from '../../pipeline/extract/index.ts';
import {
  analyseText,
  type CompiledPipeline,
  dedupInfoOf,
  detectLanguage,
  findOrganisations,
  findPlaces,
  findTerminology,
  normaliseText,
  scoreFrames,
  tagTopics,
} from '../../pipeline/index.ts';

export const STAGES = [
  'extract',
  'normalise',
  'language',
  'analyse',
  'topics',
  'organisations',
  'places',
  'frames',
  'terminology',
  'fingerprints',
] as const;
export type Stage = (typeof STAGES)[number];

/** CPU milliseconds per stage, summed over the pages given to {@link timeStages}. */
export type StageTimes = Record<Stage, number>;

export function emptyStageTimes(): StageTimes {
  return Object.fromEntries(STAGES.map((stage) => [stage, 0])) as StageTimes;
}

function timed<T>(times: StageTimes, stage: Stage, run: () => T): T {
  const before = process.cpuUsage();
  const result = run();
  const spent = process.cpuUsage(before);
  times[stage] += (spent.user + spent.system) / 1000;
  return result;
}

/** Runs the stages of processPage over one page, adding each stage's CPU time to `times`. */
export function timeStages(
  page: FetchedPage,
  source: Pick<SourceConfig, 'timeZone' | 'languages'>,
  compiled: CompiledPipeline,
  times: StageTimes,
): void {
  const extracted = timed(times, 'extract', () => extractArticle(page, { timeZone: source.timeZone }));
  if (!extracted.ok) return;
  const found = extracted.article;
  const title = timed(times, 'normalise', () => normaliseText(found.title));
  const lead = timed(times, 'normalise', () => (found.lead === null ? null : normaliseText(found.lead)));
  const body = timed(times, 'normalise', () => normaliseText(found.body));
  const language = timed(times, 'language', () =>
    detectLanguage({
      text: [title, lead ?? '', body].join('\n\n'),
      declared: found.declaredLanguage,
      sourceLanguages: source.languages,
    }),
  );
  const text = { title, lead, body, language: language.code };
  const analysed = timed(times, 'analyse', () => analyseText(compiled.dictionary, text));
  timed(times, 'topics', () => tagTopics(compiled.taxonomy, text, analysed));
  timed(times, 'organisations', () => findOrganisations(compiled.organisations, text, analysed.fields));
  timed(times, 'places', () => findPlaces(compiled.places, text, analysed.fields));
  timed(times, 'frames', () => scoreFrames(compiled.frames, text, analysed));
  timed(times, 'terminology', () => findTerminology(compiled.frames, text, analysed));
  timed(times, 'fingerprints', () => dedupInfoOf({ id: 'bench', title, body }));
}

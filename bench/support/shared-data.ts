import path from 'node:path';

/**
 * The third-party evaluation data (news pages with ground truth, language-labelled
 * texts): `../shared/data` beside the checkout, or the folder PRESSMON_EVAL_DATA
 * names. Read-only; benchmarks and `npm run eval` read it, tests use copies in
 * test/fixtures.
 */
export const SHARED_DATA: string =
  process.env.PRESSMON_EVAL_DATA ?? path.resolve(import.meta.dirname, '../../../shared/data');

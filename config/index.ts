export { type LoadConfigOptions, type LoadResult, loadConfig, loadConfigOrThrow } from './load-config.ts';
export { type ConfigProblem, formatProblem } from './problems.ts';
export { COUNTRY_CODES, DEFAULT_TIME_ZONE_BY_COUNTRY } from './schemas/common.ts';
export { DEFAULT_RATE_LIMIT } from './schemas/source.ts';
export { renderSourcesTable } from './sources-table.ts';
export {
  MAX_NEAR_DISTANCE,
  MIN_PREFIX_LENGTH,
  type ParsedTerm,
  type ParseTermResult,
  parseTermPattern,
  type TermWord,
} from './term-pattern.ts';
export type * from './types.ts';

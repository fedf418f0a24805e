export {
  type CompiledOrganisations,
  compileOrganisations,
  MAX_CASE_SENSITIVE_ABBREVIATION,
} from './compile-organisations.ts';
export { findOrganisations } from './find-organisations.ts';

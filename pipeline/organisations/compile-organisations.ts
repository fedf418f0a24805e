import type { Organisation } from '../../config/types.ts';
import { indexNames, type NameIndex, type NamePattern, type NameWord, tokenise } from '../text/index.ts';

/** Abbreviations of up to this many letters are matched case-sensitively (`SAR` is not `sar`). */
export const MAX_CASE_SENSITIVE_ABBREVIATION = 4;

/** The organisations ready for matching: compile once, match many articles. */
export interface CompiledOrganisations {
  readonly names: NameIndex<string>;
  /** Display names by id. */
  readonly nameOf: ReadonlyMap<string, string>;
}

/**
 * Compiles organisations' names (config/organisations.yaml) into name patterns:
 * - each variant (and the name itself) matches with inflected endings and
 *   without regard to diacritics (`Fundației ICAR`, `Urzędu do Spraw Cudzoziemców`);
 *   variants of two or more words ignore case, a one-word variant must be capitalised
 *   (`Frontex`, `Фронтекс`);
 * - abbreviations match whole tokens only; up to
 *   {@link MAX_CASE_SENSITIVE_ABBREVIATION} letters exactly as written (`IOM`,
 *   not `iom`), longer ones in any case. Endings joined by a hyphen (`CNRR-ului`,
 *   `UdSC-u`) are separate tokens, so the abbreviation still matches.
 */
export function compileOrganisations(organisations: readonly Organisation[]): CompiledOrganisations {
  const patterns: NamePattern<string>[] = [];
  for (const organisation of organisations) {
    const variants = new Set([organisation.name, ...organisation.variants]);
    for (const variant of variants) {
      const words = variantWords(variant);
      if (words.length > 0) patterns.push({ key: organisation.id, words });
    }
    for (const abbreviation of new Set(organisation.abbreviations)) {
      const words = abbreviationWords(abbreviation);
      if (words.length > 0) patterns.push({ key: organisation.id, words });
    }
  }
  return {
    names: indexNames(patterns),
    nameOf: new Map(organisations.map((organisation) => [organisation.id, organisation.name])),
  };
}

function variantWords(variant: string): NameWord[] {
  const tokens = tokenise(variant);
  const isCapitalised = tokens.length === 1;
  return tokens.map((token) => ({ kind: 'inflected', folded: token.folded, isCapitalised }));
}

function abbreviationWords(abbreviation: string): NameWord[] {
  // `U.E.` or `ds.` split into tokens like the text does.
  return tokenise(abbreviation).map((token): NameWord => {
    const letters = [...token.text].length;
    if (letters <= MAX_CASE_SENSITIVE_ABBREVIATION) return { kind: 'exact', text: token.text };
    return { kind: 'forms', forms: new Set([token.folded]), isCapitalised: false };
  });
}

import type { Place } from '../../config/types.ts';
import { COALITION_LANGUAGES, type CoalitionLanguage } from '../../core/languages.ts';
import { indexNames, type NameIndex, type NamePattern, type NameWord, tokenise } from '../text/index.ts';
import { inflectPlaceWord } from './inflect.ts';

/** What a matched name counts for; `language` is set for the names of a place with ambiguous names. */
export interface PlaceKey {
  readonly id: string;
  readonly language: CoalitionLanguage | null;
  readonly isAmbiguous: boolean;
}

/** The gazetteer ready for matching: compile once, match many articles. */
export interface CompiledPlaces {
  readonly names: NameIndex<PlaceKey>;
  readonly byId: ReadonlyMap<string, Pick<Place, 'id' | 'name' | 'country'>>;
}

/**
 * Compiles the gazetteer (config/places.yaml). Each name becomes the sequence
 * of its words, each word standing for its folded written forms: the base form
 * and the regular inflections of the name's language (inflect.ts), so matching
 * ignores case and diacritics (`Bucuresti`, `BUCUREȘTIULUI`). `forms` are
 * added as written (folded). The ambiguous names of a place (its `ambiguous`
 * languages) and all its forms need every capitalised word capitalised in the
 * text (`Nisa`, not `nișa`), and count first in a sentence only with support
 * (find-places.ts); every name of such a place counts only in a text of its
 * language (forms: in any).
 */
export function compilePlaces(places: readonly Place[]): CompiledPlaces {
  const patterns: NamePattern<PlaceKey>[] = [];
  for (const place of places) {
    const ambiguousIn = new Set(place.ambiguous?.languages ?? []);
    for (const language of COALITION_LANGUAGES) {
      const isAmbiguous = ambiguousIn.has(language);
      // The other names of such a place stay in their language too: the English `Lodz` must not find `łódź`.
      const key = { id: place.id, language: ambiguousIn.size > 0 ? language : null, isAmbiguous };
      for (const name of place.names[language] ?? []) {
        const words = nameWords(name, isAmbiguous, (folded) => inflectPlaceWord(language, folded));
        patterns.push({ key, words });
      }
    }
    const formKey = { id: place.id, language: null, isAmbiguous: ambiguousIn.size > 0 };
    for (const form of place.forms) {
      patterns.push({ key: formKey, words: nameWords(form, formKey.isAmbiguous, (folded) => [folded]) });
    }
  }
  return {
    names: indexNames(patterns.filter((pattern) => pattern.words.length > 0)),
    byId: new Map(
      places.map((place) => [place.id, { id: place.id, name: place.name, country: place.country }]),
    ),
  };
}

function nameWords(name: string, isAmbiguous: boolean, formsOf: (folded: string) => string[]): NameWord[] {
  return tokenise(name).map((token) => ({
    kind: 'forms',
    forms: new Set(formsOf(token.folded)),
    isCapitalised: isAmbiguous && token.text.charAt(0) !== token.text.charAt(0).toLowerCase(),
  }));
}

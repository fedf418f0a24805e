import type { CoalitionLanguage } from '../../core/languages.ts';

/**
 * Regular inflected forms of a place-name word, from its folded base form
 * (lower case, no Latin diacritics: pipeline/topics/fold.ts), per language.
 * The rules cover the common declensions of place names and over-generate on
 * purpose: a form that is no real word costs nothing, since a place matches
 * only as a whole written form. Irregular forms (`Białymstoku`, `Києві`,
 * `Niemczech`) are listed in config/places.yaml under `forms`.
 * Words shorter than {@link MIN_INFLECTED_LENGTH} letters are not inflected.
 */
export const MIN_INFLECTED_LENGTH = 3;

type Rules = (word: string) => string[];

/** Romanian: articled and genitive-dative forms (`Aradul`, `Aradului`, `Constanței`, `Italiei`, `Sibiului`). */
const romanian: Rules = (word) => {
  if (word.endsWith('ea')) return [`${word.slice(0, -2)}ei`, `${word.slice(0, -1)}i`];
  if (word.endsWith('a')) return [`${word.slice(0, -1)}ei`, `${word.slice(0, -1)}ii`];
  if (word.endsWith('u')) return [`${word}l`, `${word}lui`];
  if (word.endsWith('i')) return [`${word}ul`, `${word}ului`, `${word}i`, `${word.slice(0, -1)}ului`];
  if (word.endsWith('e')) return [`${word}le`, `${word}lui`];
  return [`${word}ul`, `${word}ului`, `${word}u`];
};

/** Polish locative stems of a feminine `-a` noun: `Praga` → `Pradze`, `Ameryka` → `Ameryce`, `Góra` → `Górze`. */
const POLISH_FEMININE_LOCATIVE: readonly (readonly [string, string])[] = [
  ['ka', 'ce'],
  ['ga', 'dze'],
  ['cha', 'sze'],
  ['ra', 'rze'],
  ['ta', 'cie'],
  ['da', 'dzie'],
  ['sta', 'scie'],
];

/** Polish: the cases of feminine `-a`, neuter and plural `-e`/`-o`, adjectival `-ie`, masculine consonant stems. */
const polish: Rules = (word) => {
  if (word.endsWith('a')) {
    const stem = word.slice(0, -1);
    const locatives = POLISH_FEMININE_LOCATIVE.filter(([end]) => word.endsWith(end)).map(
      ([end, locative]) => word.slice(0, -end.length) + locative,
    );
    return [`${stem}y`, `${stem}i`, `${stem}ie`, `${stem}e`, `${stem}o`, ...locatives];
  }
  if (word.endsWith('e') || word.endsWith('o')) {
    const stem = word.slice(0, -1);
    // Opole → Opola, Opolu; Katowice → Katowic, Katowicach; podlaskie → podlaskiego, podlaskim.
    return [
      stem,
      `${stem}a`,
      `${stem}u`,
      `${stem}em`,
      `${stem}ie`,
      `${stem}ach`,
      `${stem}om`,
      `${stem}ego`,
      `${stem}m`,
    ];
  }
  if (word.endsWith('y') || word.endsWith('i')) {
    const stem = word.slice(0, -1);
    return [`${stem}om`, `${stem}ami`, `${stem}ach`];
  }
  const softened = word.endsWith('t')
    ? [`${word.slice(0, -1)}cie`]
    : word.endsWith('d')
      ? [`${word.slice(0, -1)}dzie`]
      : [];
  return [
    `${word}a`,
    `${word}u`,
    `${word}ie`,
    `${word}em`,
    `${word}iem`,
    `${word}owi`,
    `${word}ia`,
    `${word}iu`,
    `${word}i`,
    ...softened,
  ];
};

/** Russian: the cases of consonant stems, `-а`, `-я`/`-ия` and `-ь` nouns (`Киева`, `Одессе`, `Германии`, `Тернополя`). */
const russian: Rules = (word) => {
  if (word.endsWith('ия') || word.endsWith('я')) {
    const stem = word.slice(0, -1);
    return [`${stem}и`, `${stem}ю`, `${stem}ей`, `${stem}е`];
  }
  if (word.endsWith('а')) {
    const stem = word.slice(0, -1);
    return [`${stem}ы`, `${stem}и`, `${stem}е`, `${stem}у`, `${stem}ой`, `${stem}ою`];
  }
  if (word.endsWith('ь')) {
    const stem = word.slice(0, -1);
    return [`${stem}я`, `${stem}е`, `${stem}ю`, `${stem}ем`, `${stem}и`];
  }
  if (/[бвгджзклмнпрстфхцчшщ]$/u.test(word)) return [`${word}а`, `${word}у`, `${word}е`, `${word}ом`];
  return [];
};

/**
 * Ukrainian: like Russian, with the locative in `-і` and the vowel change of a
 * closed last syllable (`Харків` → `Харкова`, `Львів` → `Львові`, `Миколаїв` → `Миколаєва`).
 */
const ukrainian: Rules = (word) => {
  if (word.endsWith('ія') || word.endsWith('я')) {
    const stem = word.slice(0, -1);
    return [`${stem}ї`, `${stem}і`, `${stem}ю`, `${stem}єю`, `${stem}ею`];
  }
  if (word.endsWith('а')) {
    const stem = word.slice(0, -1);
    return [`${stem}и`, `${stem}і`, `${stem}у`, `${stem}ою`];
  }
  const stems = [word, ...openedStems(word)];
  if (word.endsWith('ь')) {
    return stems
      .map((stem) => stem.slice(0, -1))
      .flatMap((stem) => [`${stem}я`, `${stem}і`, `${stem}ю`, `${stem}ем`]);
  }
  if (/[бвгджзклмнпрстфхцчшщ]$/u.test(word)) {
    return stems.flatMap((stem) => [
      `${stem}а`,
      `${stem}у`,
      `${stem}і`,
      `${stem}ом`,
      `${stem}ові`,
      `${stem}е`,
    ]);
  }
  return [];
};

/** `і` and `ї` of a closed last syllable open to `о`, `е` and `є` when an ending follows. */
function openedStems(word: string): string[] {
  const match = /^(.*)([\u0456\u0457])([^аеєиіїоуюяь]+ь?)$/u.exec(word);
  if (match === null) return [];
  const [, before = '', vowel, after = ''] = match;
  return vowel === '\u0457' ? [`${before}є${after}`] : [`${before}о${after}`, `${before}е${after}`];
}

const RULES: Readonly<Record<CoalitionLanguage, Rules>> = {
  ro: romanian,
  pl: polish,
  ru: russian,
  uk: ukrainian,
  // English names take no endings; the possessive `'s` is dropped by the name matcher.
  en: () => [],
};

/** The folded word and its regular inflected forms in `language`. */
export function inflectPlaceWord(language: CoalitionLanguage, folded: string): string[] {
  if ([...folded].length < MIN_INFLECTED_LENGTH) return [folded];
  return [...new Set([folded, ...RULES[language](folded)])];
}

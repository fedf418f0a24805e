import type { PerLanguage, TermPattern } from '../../config/types.ts';

/**
 * General migration vocabulary: words that on their own name people who move
 * across borders or live as foreigners (migrants, immigrants, refugees,
 * foreigners as persons, emigrants, the diaspora). They tag no topic; they
 * count toward an article's relevance, so that an article about "detained
 * migrants" or "polityka imigracyjna" is found even when no topic's specific
 * phrase occurs. Same syntax as topic terms (config/types.ts `TermPattern`).
 *
 * Left out on purpose, because they more often mean something else:
 * bare `migration`/`migrare`/`migracja`/`миграция` (data, birds),
 * adjectives for "foreign" (`străin*`, `zagraniczn*`, `иностранн*`,
 * `іноземн*`: investment, languages), `border` words, `Roma`, `asylum`
 * in Polish and Ukrainian (animal shelters, air-raid shelters).
 * A taxonomy keeper who edits this table should run `node bench/topics/run.ts`.
 */
export const MIGRATION_VOCABULARY: {
  readonly terms: PerLanguage<readonly TermPattern[]>;
  readonly exclusions: PerLanguage<readonly TermPattern[]>;
} = {
  terms: {
    ro: [
      'migran*',
      'imigra*',
      'emigra*',
      'refugia*',
      'azilan*',
      'solicitan* de azil',
      'cetățen* străin*',
      'rezident* străin*',
      'locuitor* străin*',
      'ucrainen* ~3 România',
      'diaspor*',
    ],
    pl: [
      'migran*',
      'imigran*',
      'imigrac*',
      'migracyjn*',
      'emigran*',
      'emigrac*',
      'uchodźc*',
      'uchodźstw*',
      'cudzoziem*',
      'obcokraj*',
      'azylant*',
      'Ukraińc* ~3 Polsce',
      'diaspor*',
    ],
    en: [
      'migrant*',
      'immigrant*',
      'immigration',
      'emigrant*',
      'emigration',
      'refugee*',
      'asylum',
      'foreigner*',
      'foreign resident*',
      'foreign national*',
      'foreign citizen*',
      'deportee*',
      'undocumented',
      'diaspora*',
    ],
    ru: [
      'мигрант*',
      'миграцион*',
      'иммигра*',
      'эмигра*',
      'бежен*',
      'иностранц*',
      'иностранец',
      'иностранн* граждан*',
      'гастарбайтер*',
      'убежищ*',
      'диаспор*',
    ],
    uk: [
      'мігрант*',
      'міграційн*',
      'іммігра*',
      'емігра*',
      'біжен*',
      'іноземц*',
      'іноземець',
      'іноземн* громадян*',
      'заробітчан*',
      'шукач* притулку',
      'діаспор*',
    ],
  },
  exclusions: {
    en: ['lunatic asylum', 'insane asylum'],
  },
};

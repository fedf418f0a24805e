import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfigOrThrow } from '../../../config/index.ts';
import type { DetectedLanguageCode } from '../../../core/languages.ts';
import {
  type CompiledPlaces,
  compilePlaces,
  findPlaces,
  inflectPlaceWord,
} from '../../../pipeline/places/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

let compiled: CompiledPlaces;
beforeAll(async () => {
  // The real gazetteer (config/places.yaml).
  const config = await loadConfigOrThrow({
    configDir: path.join(ROOT, 'config'),
    sourcesDir: path.join(ROOT, 'config/sources'),
  });
  compiled = compilePlaces(config.places);
});

/** `id:count` of every place found in a body text of `language`. */
function found(language: DetectedLanguageCode, body: string, title = ''): string[] {
  return findPlaces(compiled, { title, lead: null, body, language }).map(({ id, count }) => `${id}:${count}`);
}

describe('findPlaces: inflected names in five languages', () => {
  it('Romanian articled and genitive forms', () => {
    expect(
      found(
        'ro',
        'Primăria Bucureștiului și Bucureștiul, Aradului, Constanței și Sibiului; refugiați din Ucraina.',
      ),
    ).toEqual(['bucuresti:2', 'arad:1', 'constanta:1', 'sibiu:1', 'ukraine:1']);
  });

  it('Polish cases', () => {
    expect(
      found('pl', 'W Warszawie i do Warszawy, z Krakowa do Krakowie, w Łodzi, w Pradze, w Madrycie.'),
    ).toEqual(['krakow:2', 'warszawa:2', 'lodz:1', 'madrid:1', 'prague:1']);
    expect(found('pl', 'Uchodźcy w Białymstoku, na Podlasiu i w województwie podlaskim.')).toEqual([
      'podlaskie:2',
      'bialystok:1',
    ]);
  });

  it('Russian and Ukrainian cases, with the Ukrainian vowel change', () => {
    expect(found('ru', 'В Киеве, Одессе и Львове, а также в Кишинёве и Приднестровье.')).toEqual([
      'chisinau:1',
      'kyiv:1',
      'lviv:1',
      'odesa:1',
      'transnistria:1',
    ]);
    expect(found('uk', 'У Києві, Львові, Харкові, Миколаєві та Тернополі.')).toEqual([
      'kharkiv:1',
      'kyiv:1',
      'lviv:1',
      'mykolaiv:1',
      'ternopil:1',
    ]);
  });

  it('English spellings, old and new, and the possessive', () => {
    expect(found('en', "Kyiv's mayor met Kiev officials; Odessa and Odesa; Lviv and Lvov.")).toEqual([
      'kyiv:2',
      'lviv:2',
      'odesa:2',
    ]);
  });

  it('reports name and ISO country code', () => {
    expect(findPlaces(compiled, { title: 'Chișinău', lead: null, body: '', language: 'ro' })).toEqual([
      { id: 'chisinau', name: 'Chișinău', country: 'md', count: 1 },
    ]);
  });

  it('counts a longer name once, not also its parts', () => {
    expect(found('ro', 'Refugiații au ajuns la Baia Mare și în județul Cluj, apoi la Cluj.')).toEqual([
      'baia-mare:1',
      'cluj:1',
      'cluj-napoca:1',
    ]);
  });
});

describe('findPlaces: false-positive guards for ambiguous names', () => {
  it('needs capitals: a niche is not Nice, a boat is not Łódź', () => {
    expect(found('ro', 'O nișă în perete; migranții au ajuns la Nisa.')).toEqual(['nice:1']);
    expect(found('pl', 'łódź z migrantami zatonęła, a potem przemyśl to jeszcze raz.')).toEqual([]);
  });

  it('keeps a name in its language: the Roma people in English are not Rome', () => {
    expect(found('en', 'Roma families were evicted.')).toEqual([]);
    expect(found('ro', 'Migranții din Roma și Milano.')).toEqual(['milan:1', 'rome:1']);
    expect(found('en', 'The Polish government and polska firms.')).toEqual([]);
  });

  it('does not take a capitalised word first in a sentence, unless the place is named elsewhere', () => {
    expect(found('ru', 'Ровно в полдень начался митинг.')).toEqual([]);
    expect(found('ru', 'Ровно в полдень в Ровно начался митинг.')).toEqual(['rivne:2']);
    expect(found('uk', 'Рівне поле. Суми грошей.')).toEqual([]);
  });
});

describe('inflectPlaceWord', () => {
  it.each([
    ['ro', 'italia', 'italiei'],
    ['ro', 'tulcea', 'tulcei'],
    ['ro', 'bacau', 'bacaului'],
    ['pl', 'krakow', 'krakowie'],
    ['pl', 'praga', 'pradze'],
    ['pl', 'katowice', 'katowicach'],
    ['pl', 'podlaskie', 'podlaskim'],
    ['ru', 'германия', 'германии'],
    ['ru', 'тернополь', 'тернополя'],
    ['uk', 'харків', 'харкова'],
    ['uk', 'київ', 'києві'],
    ['uk', 'миколаїв', 'миколаєва'],
  ] as const)('%s %s → %s', (language, word, form) => {
    expect(inflectPlaceWord(language, word)).toContain(form);
  });

  it('leaves English and very short words alone', () => {
    expect(inflectPlaceWord('en', 'london')).toEqual(['london']);
    expect(inflectPlaceWord('ro', 'uk')).toEqual(['uk']);
  });
});

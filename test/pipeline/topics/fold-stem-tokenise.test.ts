import { describe, expect, it } from 'vitest';
import { foldWord } from '../../../pipeline/topics/fold.ts';
import { stemPolish, stemRomanian } from '../../../pipeline/topics/light-stemmers.ts';
import { stemWord } from '../../../pipeline/topics/stem.ts';
import { tokenise } from '../../../pipeline/topics/tokenise.ts';

describe('foldWord', () => {
  it('drops Latin diacritics and equates cedilla and comma-below letters', () => {
    expect(foldWord('Refugiaților')).toBe('refugiatilor');
    expect(foldWord('refugiaţi')).toBe(foldWord('refugiați'));
    expect(foldWord('UCHODŹCÓW')).toBe('uchodzcow');
    expect(foldWord('Łódź')).toBe('lodz');
    expect(foldWord('Straße')).toBe('strasse');
  });

  it('keeps Cyrillic й and ї, folds ё to е, and unifies apostrophes', () => {
    expect(foldWord('Мой')).toBe('мой');
    expect(foldWord('Їжак')).toBe('їжак');
    expect(foldWord('Ёлка')).toBe('елка');
    expect(foldWord('сім’я')).toBe("сім'я");
  });
});

describe('tokenise', () => {
  it('splits at hyphens and dots, keeps inner apostrophes, and numbers sentences', () => {
    const tokens = tokenise("S-a întâmplat într-un ONG. Сім'я приїхала!\nNou");
    expect(tokens.map((token) => token.text)).toEqual([
      'S',
      'a',
      'întâmplat',
      'într',
      'un',
      'ONG',
      "Сім'я",
      'приїхала',
      'Nou',
    ]);
    expect(tokens.map((token) => token.sentence)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 2]);
  });

  it('keeps Romanian and Polish words whole (where natural splits them)', () => {
    expect(tokenise('refugiaților uchodźców').map((token) => token.text)).toEqual([
      'refugiaților',
      'uchodźców',
    ]);
  });
});

describe('stemmers', () => {
  it('bring Romanian inflected forms to one stem', () => {
    const forms = [
      'refugiat',
      'refugiati',
      'refugiatii',
      'refugiatilor',
      'refugiatul',
      'refugiatului',
      'refugiata',
      'refugiatele',
    ];
    expect(new Set(forms.map(stemRomanian))).toEqual(new Set(['refugiat']));
    expect(stemRomanian('drepturilor')).toBe(stemRomanian('drept'));
  });

  it('bring Polish inflected forms to one stem, with mobile e and t/c alternation', () => {
    const forms = ['uchodzca', 'uchodzcy', 'uchodzcow', 'uchodzcom', 'uchodzcami', 'uchodzcach', 'uchodzce'];
    expect(new Set(forms.map(stemPolish))).toEqual(new Set(['uchodzc']));
    expect(stemPolish('cudzoziemiec')).toBe(stemPolish('cudzoziemcow'));
    expect(stemPolish('migranci')).toBe(stemPolish('migrant'));
  });

  it('use natural for English, Russian and Ukrainian, with the mobile vowel undone', () => {
    expect(stemWord('en', 'refugees')).toBe(stemWord('en', 'refugee'));
    expect(stemWord('en', "europe's")).toBe(stemWord('en', 'europe'));
    expect(stemWord('ru', 'беженцев')).toBe(stemWord('ru', 'беженец'));
    expect(stemWord('uk', 'біженців')).toBe(stemWord('uk', 'біженець'));
    expect(stemWord('uk', 'притулку')).toBe(stemWord('uk', 'притулок'));
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COALITION_LANGUAGES } from '../../../core/languages.ts';
import { foldWord } from '../../../pipeline/topics/fold.ts';
import { stemPolish, stemRomanian } from '../../../pipeline/topics/light-stemmers.ts';
import { openingsOf, stemWord } from '../../../pipeline/topics/stem.ts';
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

  it('finds exactly the words and sentence ends of its documented regular expressions', () => {
    const word = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’‘ʼ][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
    const sentenceEnd = /[.!?…]["'»”)]*\s|\n/u;
    const bySpecification = (text: string): string[] => {
      let sentence = 0;
      let previousEnd = -1;
      return [...text.matchAll(word)].map((match) => {
        if (previousEnd >= 0 && sentenceEnd.test(text.slice(previousEnd, match.index))) sentence++;
        previousEnd = match.index + match[0].length;
        return `${match[0]}@${match.index}#${sentence}`;
      });
    };
    const texts = [
      "d'Italia, l’ONU' și 'citat' ‘x’ ʼy",
      'cafe\u0301 \u0301mark e\u0301\u0301. Next',
      'End.» Next!) Again…\u00a0more?" yes.\u2028line\nbreak',
      'a.b 3.5 U.S.A. x.\u3000y',
      '𝐀𝐁 x𝐂y \ud835 lone \udc00 low 😀 emoji',
      "it's'' ok’ ’ok",
    ];
    for (const text of texts) {
      const tokens = tokenise(text).map((token) => `${token.text}@${token.start}#${token.sentence}`);
      expect(tokens).toEqual(bySpecification(text));
    }
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

describe('openingsOf', () => {
  /** Every word of the labelled articles and language samples in test/fixtures (en, pl, ro, ru, uk and more). */
  const vocabulary = (): Set<string> => {
    const fixtures = join(import.meta.dirname, '../../fixtures');
    const files = [
      ...['en', 'pl', 'ro', 'ru', 'uk'].map((lang) => join(fixtures, 'topics', `labelled-${lang}.jsonl`)),
      join(fixtures, 'language', 'lingua-sample.jsonl'),
    ];
    const words = new Set<string>();
    for (const file of files)
      for (const token of tokenise(readFileSync(file, 'utf8'))) words.add(token.folded);
    return words;
  };

  it("names the opening of every word whose stem it is told, in every language's stemmer", () => {
    const words = vocabulary();
    expect(words.size).toBeGreaterThan(10_000);
    for (const language of COALITION_LANGUAGES) {
      const missed = [...words].filter((word) => {
        const openings = openingsOf(language, stemWord(language, word));
        return (
          openings !== null && !openings.includes(word.slice(0, 2)) && !openings.includes(word.slice(0, 3))
        );
      });
      expect(missed, language).toEqual([]);
    }
  });

  it('adds the opening a mobile vowel took from a short Russian or Ukrainian stem, opens long English stems with three letters, and gives up on one letter', () => {
    expect(stemWord('ru', 'бок')).toBe('бк');
    expect(openingsOf('ru', 'бк')).toEqual(['бк', 'бо']);
    expect(openingsOf('uk', 'тц')).toEqual(['тц', 'те']);
    expect(openingsOf('en', 'migrant')).toEqual(['mig']);
    expect(openingsOf('en', 'asyl')).toEqual(['as']);
    expect(stemWord('en', 'eyed')).toBe('ei');
    expect(openingsOf('en', 'ei')).toEqual(['ei', 'ey']);
    expect(openingsOf('ro', 'a')).toBeNull();
  });
});

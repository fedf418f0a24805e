import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../pipeline/language/index.ts';
import { plausibleLanguages } from '../../../pipeline/language/detect-language.ts';
import { countLetters } from '../../../pipeline/language/alphabets.ts';
import { sampleWindows } from '../../../pipeline/language/sample-windows.ts';

const SENTENCES = {
  ro: 'Guvernul a aprobat o nouă strategie privind integrarea străinilor care au obținut o formă de protecție în România.',
  pl: 'Rząd przyjął nową strategię dotyczącą integracji cudzoziemców, którzy otrzymali ochronę międzynarodową w Polsce.',
  en: 'The government approved a new strategy for the integration of foreigners who received protection in the country.',
  ru: 'Правительство утвердило новую стратегию интеграции иностранцев, которые получили защиту в этой стране.',
  uk: 'Уряд затвердив нову стратегію інтеграції іноземців, які отримали міжнародний захист у цій країні.',
  bg: 'Правителството одобри нова стратегия за интеграция на чужденците, които са получили закрила в страната.',
  cs: 'Vláda schválila novou strategii integrace cizinců, kteří v České republice získali mezinárodní ochranu.',
  sk: 'Vláda schválila novú stratégiu integrácie cudzincov, ktorí získali medzinárodnú ochranu na Slovensku.',
  hu: 'A kormány új stratégiát fogadott el azoknak a külföldieknek az integrációjáról, akik védelmet kaptak.',
  de: 'Die Regierung hat eine neue Strategie zur Integration von Ausländern beschlossen, die Schutz erhalten haben.',
  fr: 'Le gouvernement a approuvé une nouvelle stratégie pour l’intégration des étrangers qui ont obtenu une protection.',
} as const;

describe('detectLanguage', () => {
  for (const [code, text] of Object.entries(SENTENCES)) {
    it(`recognises a ${code} sentence with good confidence`, () => {
      const guess = detectLanguage({ text });
      expect(guess.code).toBe(code);
      expect(guess.confidence).toBeGreaterThan(0.5);
      expect(guess.confidence).toBeLessThanOrEqual(1);
    });
  }

  it('answers und for empty text, digits and punctuation', () => {
    expect(detectLanguage({ text: '' })).toEqual({ code: 'und', confidence: 0 });
    expect(detectLanguage({ text: '2024-05-01 12:30 +40 21 555 1234' })).toEqual({
      code: 'und',
      confidence: 0,
    });
    expect(detectLanguage({ text: '!!! ... ???' }).code).toBe('und');
  });

  it('answers und for a script none of its languages is written in', () => {
    expect(detectLanguage({ text: 'Η κυβέρνηση ενέκρινε νέα στρατηγική για τους πρόσφυγες.' }).code).toBe(
      'und',
    );
  });

  it('tells Ukrainian from Russian by і ї є ґ and Russian from Ukrainian by ы э ъ ё', () => {
    expect(detectLanguage({ text: 'Їхні діти йдуть до школи' }).code).toBe('uk');
    expect(detectLanguage({ text: 'Эти дети съели всё мороженое' }).code).toBe('ru');
  });

  it('recognises Romanian written with cedilla letters', () => {
    expect(detectLanguage({ text: 'Ştiri despre refugiaţi şi străini în ţară' }).code).toBe('ro');
  });

  it('lets the declared language decide between close candidates, but not against the text', () => {
    // "prezent": present (tense, in attendance) in Romanian, a gift in Polish; not an English spelling.
    const ambiguous = 'prezent';
    expect(detectLanguage({ text: ambiguous, declared: 'ro-RO' }).code).toBe('ro');
    expect(detectLanguage({ text: ambiguous, declared: 'pl_PL' }).code).toBe('pl');
    expect(detectLanguage({ text: ambiguous, declared: 'en_GB' }).code).not.toBe('en');
    expect(detectLanguage({ text: SENTENCES.pl, declared: 'ro' }).code).toBe('pl');
    expect(detectLanguage({ text: SENTENCES.ru, declared: 'uk', sourceLanguages: ['uk'] }).code).toBe('ru');
  });

  it('reads the whole of a long text, not only its opening', () => {
    const opening = `${SENTENCES.en} `.repeat(14);
    const rest = `${SENTENCES.ro} `.repeat(60);
    expect(opening.length).toBeGreaterThan(1500);
    expect(detectLanguage({ text: opening + rest }).code).toBe('ro');
  });

  it('gives lower confidence to a single word than to a sentence', () => {
    const word = detectLanguage({ text: 'refugiați' });
    const sentence = detectLanguage({ text: SENTENCES.ro });
    expect(word.code).toBe('ro');
    expect(word.confidence).toBeLessThan(sentence.confidence);
  });
});

describe('plausibleLanguages', () => {
  it('rules out languages whose alphabets lack the letters of the text', () => {
    const letters = countLetters('přístav');
    expect(plausibleLanguages('latin', letters, 7)).toEqual(['cs']);
    expect(plausibleLanguages('latin', countLetters('kľúč'), 4)).toEqual(['sk']);
    expect(plausibleLanguages('latin', countLetters('gazdaság'), 8).sort()).toEqual(['cs', 'hu', 'sk']);
  });
});

describe('countLetters', () => {
  it('counts the letters of the lower-cased, composed text in order of first occurrence', () => {
    // Decomposed `Ș` (S + comma below) composes to `ș`; digits, marks, punctuation and emoji are no letters.
    const letters = countLetters('S\u0326a ȘA, 12 ы Ы ‘x’ 😀 𝐀');
    expect([...letters]).toEqual([
      ['ș', 2],
      ['a', 2],
      ['ы', 2],
      ['x', 1],
      ['𝐀', 1],
    ]);
  });
});

describe('sampleWindows', () => {
  it('returns a short text whole and a long one as three windows from start, middle and end', () => {
    expect(sampleWindows('scurt text')).toEqual(['scurt text']);
    const text = Array.from({ length: 2000 }, (_, index) => `w${index}`).join(' ');
    const windows = sampleWindows(text, 1000);
    expect(windows).toHaveLength(3);
    expect(windows[0]?.startsWith('w0 ')).toBe(true);
    expect(windows[2]?.endsWith('w1999')).toBe(true);
    for (const window of windows) expect(window.length).toBeLessThanOrEqual(1000);
  });
});

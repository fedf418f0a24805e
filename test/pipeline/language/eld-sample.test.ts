import { eld } from 'eld/large';
import { describe, expect, it } from 'vitest';
import { ELD_MAX_CHARS, eldSample, SAMPLE_LETTERS } from '../../../pipeline/language/eld-sample.ts';

const ENGLISH =
  'The border police found sixty-three migrants hidden in a lorry carrying furniture towards Hungary. ';
const POLISH =
  'Straż Graniczna zatrzymała w piątek grupę cudzoziemców, którzy próbowali przekroczyć granicę. ';
const RUSSIAN =
  'Пограничники обнаружили в грузовике шестьдесят три мигранта, которые направлялись в Венгрию. ';

function lettersOf(text: string): number {
  return text.match(/[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F\u0400-\u045F]/gu)?.length ?? 0;
}

describe('eldSample', () => {
  it(`ends at the ${SAMPLE_LETTERS}th Latin or Cyrillic letter of a long text`, () => {
    const text = ENGLISH.repeat(8);
    const sample = eldSample(text);
    expect(text.startsWith(sample)).toBe(true);
    expect(lettersOf(sample)).toBe(SAMPLE_LETTERS);
    expect(sample.length).toBeLessThan(ELD_MAX_CHARS);
  });

  it('leaves whole a text with fewer letters in the part eld reads', () => {
    expect(eldSample(ENGLISH)).toBe(ENGLISH);
    const sparse = `${'12 — 34; '.repeat(120)}${ENGLISH.repeat(8)}`;
    expect(eldSample(sparse)).toBe(sparse);
  });

  // eld's scores must not depend on anything past the sample: text in another language
  // right after it would change them if eld read on (a newer eld reading further fails here).
  it('gives eld what it reads: the same scores as the whole text', () => {
    for (const [start, rest] of [
      [ENGLISH, POLISH],
      [RUSSIAN, ENGLISH],
      [`${ENGLISH}1, 2, 3 — „${POLISH}” `, RUSSIAN],
    ] as const) {
      const text = `${start.repeat(6)}${rest.repeat(6)}`;
      const sample = eldSample(text);
      expect(sample.length).toBeLessThan(text.length);
      expect(eld.detect(sample).getScores()).toEqual(eld.detect(text).getScores());
      expect(eld.detect(sample).getScores()).not.toEqual(eld.detect(rest.repeat(6)).getScores());
    }
  });
});

import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../pipeline/normalise-text.ts';

describe('normaliseText', () => {
  it('composes to NFC', () => {
    expect(normaliseText('a\u0306')).toBe('ă');
  });

  it('turns Romanian cedilla letters into comma-below letters', () => {
    expect(normaliseText('Ştiri despre refugiaţi şi ŢARA')).toBe('Știri despre refugiați și ȚARA');
  });

  it('turns typographic apostrophes into plain ones and keeps quotation marks', () => {
    expect(normaliseText('pam’ять, l’Italia, „citat” «цитата» “quote”')).toBe(
      "pam'ять, l'Italia, „citat” «цитата» “quote”",
    );
  });

  it('keeps en and em dashes and maps Unicode hyphens to -', () => {
    expect(normaliseText('2020–2024 — anti\u2010imigrație')).toBe('2020–2024 — anti-imigrație');
  });

  it('removes zero-width characters, the BOM and soft hyphens', () => {
    expect(normaliseText('\uFEFFrefu\u00ADgiați\u200B în\u200D Europa\u2060')).toBe('refugiați în Europa');
  });

  it('collapses spaces inside lines and keeps paragraph breaks', () => {
    const text = '  Titlu  \u00A0 aici \r\n\r\n\r\n  Primul\tparagraf.\nRând nou.\n \n\nAl doilea.  ';
    expect(normaliseText(text)).toBe('Titlu aici\n\nPrimul paragraf.\nRând nou.\n\nAl doilea.');
  });

  it('is idempotent', () => {
    const once = normaliseText('Ştiri  \u00A0  ’x’\n\n\n\ny');
    expect(normaliseText(once)).toBe(once);
  });
});

import { describe, expect, it } from 'vitest';
import { markParagraphs, markTerms, segmentsFromHighlight } from '../../dashboards/server/highlight.ts';

describe('segmentsFromHighlight: Elasticsearch html-encoded fragments to plain-text segments', () => {
  it('splits on <em> marks and decodes the encoder’s escapes once', () => {
    expect(segmentsFromHighlight('Centru pentru <em>refugiați</em> &amp; &lt;script&gt; &#x2F;')).toEqual([
      { text: 'Centru pentru ', mark: false },
      { text: 'refugiați', mark: true },
      { text: ' & <script> /', mark: false },
    ]);
  });

  it('leaves a double-escaped entity as the text it was', () => {
    // The source text was "&lt;" literally: the encoder wrote "&amp;lt;".
    expect(segmentsFromHighlight('a &amp;lt; b')).toEqual([{ text: 'a &lt; b', mark: false }]);
  });

  it('keeps anything but <em> as text', () => {
    expect(segmentsFromHighlight('<b>x</b><em>y</em>')).toEqual([
      { text: '<b>x</b>', mark: false },
      { text: 'y', mark: true },
    ]);
  });
});

describe('markTerms: the words that tagged an article, in its own text', () => {
  it('marks whole words, case-insensitively, longest phrase first', () => {
    expect(
      markTerms('Refugiații și refugiați; nerefugiați. Centrul de refugiați', [
        'refugiați',
        'centrul de refugiați',
      ]),
    ).toEqual([
      { text: 'Refugiații și ', mark: false },
      { text: 'refugiați', mark: true },
      { text: '; nerefugiați. ', mark: false },
      { text: 'Centrul de refugiați', mark: true },
    ]);
  });

  it('treats phrases as text, not patterns', () => {
    expect(markTerms('a.b and a+b', ['a+b'])).toEqual([
      { text: 'a.b and ', mark: false },
      { text: 'a+b', mark: true },
    ]);
  });

  it('splits a body into paragraphs at blank lines', () => {
    expect(markParagraphs('Unu refugiat.\n\n  \n\nDoi.', ['refugiat']).length).toBe(2);
  });
});

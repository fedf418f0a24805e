import { describe, expect, it } from 'vitest';
import {
  bandKeys,
  containment,
  dedupInfoOf,
  dedupWords,
  jaccard,
  MINHASH_SIZE,
  minhashSignature,
  shingleSet,
  titleKeyOf,
} from '../../../pipeline/dedup/index.ts';
import { contentHashOf, hammingDistance, simhashOf } from '../../../pipeline/fingerprint.ts';

const BODY =
  'Polițiștii de frontieră din Nădlac au descoperit marți 63 de migranți ascunși într-un camion care transporta mobilă spre Ungaria. ' +
  'Printre ei se aflau 14 copii și șase femei, majoritatea cetățeni afgani și sirieni. Șoferul a fost reținut pentru 24 de ore.';

describe('words compared for near-duplicates', () => {
  it('ignore case, punctuation and diacritics, cedilla or comma-below alike', () => {
    expect(dedupWords('Şoferul, „reținut”!')).toEqual(['soferul', 'retinut']);
    expect(dedupWords('Șoferul reţinut')).toEqual(['soferul', 'retinut']);
  });

  it('keep numbers, which are facts', () => {
    expect(shingleSet('12 migranți au ajuns ieri')).not.toEqual(shingleSet('120 migranți au ajuns ieri'));
  });
});

describe('shingle sets', () => {
  it('are the same for a copy that differs only in spacing, quotes and diacritics', () => {
    const copy = BODY.replaceAll('ț', 't').replaceAll('ș', 's').replaceAll(' ', '  ');
    expect(shingleSet(copy)).toEqual(shingleSet(BODY));
  });

  it('are empty for an empty text and one shingle for a text shorter than a shingle', () => {
    expect(shingleSet('')).toHaveLength(0);
    expect(shingleSet('doar trei cuvinte')).toHaveLength(1);
  });

  it('measure containment of a shortened copy as complete and Jaccard as partial', () => {
    const full = shingleSet(BODY);
    const firstHalf = shingleSet(BODY.slice(0, BODY.indexOf('Printre')));
    expect(containment(full, firstHalf)).toBe(1);
    expect(jaccard(full, firstHalf)).toBeLessThan(0.7);
  });
});

describe('MinHash lookup keys', () => {
  it('are one key per hash function, identical for identical texts', () => {
    const keys = bandKeys(minhashSignature(shingleSet(BODY)));
    expect(keys).toHaveLength(MINHASH_SIZE);
    expect(new Set(keys).size).toBe(MINHASH_SIZE);
    expect(bandKeys(minhashSignature(shingleSet(BODY)))).toEqual(keys);
  });

  it('are shared in proportion to the texts’ similarity', () => {
    const a = new Set(bandKeys(minhashSignature(shingleSet(BODY))));
    const half = bandKeys(minhashSignature(shingleSet(BODY.slice(0, BODY.indexOf('Printre')))));
    const other = bandKeys(
      minhashSignature(
        shingleSet('Guvernul a aprobat bugetul pentru anul viitor după o ședință de trei ore.'),
      ),
    );
    const shared = (keys: string[]): number => keys.filter((key) => a.has(key)).length;
    expect(shared(half)).toBeGreaterThan(10);
    expect(shared(other)).toBeLessThan(4);
  });

  it('are absent for an empty body', () => {
    expect(bandKeys(minhashSignature(new Uint32Array(0)))).toEqual([]);
  });
});

describe('title keys', () => {
  it('normalise a title so an agency title kept verbatim matches', () => {
    expect(titleKeyOf('Peste 60 de migranți, găsiți într-un camion!')).toBe(
      titleKeyOf('PESTE 60 DE MIGRANTI GASITI INTR-UN CAMION'),
    );
  });

  it('are null for titles too short to name a story', () => {
    expect(titleKeyOf('Live')).toBeNull();
    expect(titleKeyOf('Ultima oră: vremea')).toBeNull();
  });
});

describe('dedupInfoOf', () => {
  it('makes each article its own story until the indexer finds an earlier copy', () => {
    const info = dedupInfoOf({ id: 'a1', title: 'Migranți găsiți într-un camion la Nădlac', body: BODY });
    expect(info.storyId).toBe('a1');
    expect(info.duplicateOf).toBeNull();
    expect(info.bands).toHaveLength(MINHASH_SIZE);
    expect(info.titleKey).toBe('migranti gasiti intr un camion la nadlac');
    expect(info.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('simhash', () => {
  it('is 16 hex digits, equal for equal texts, a few bits apart for a light edit and far for another text', () => {
    const hash = simhashOf(BODY);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(simhashOf(BODY)).toBe(hash);
    const edited = simhashOf(BODY.replace('marți', 'miercuri'));
    expect(hammingDistance(hash, edited)).toBeLessThan(12);
    const other = simhashOf(
      'Guvernul a aprobat bugetul pentru anul viitor după o ședință de trei ore, a anunțat purtătorul de cuvânt.',
    );
    expect(hammingDistance(hash, other)).toBeGreaterThan(16);
    expect(hammingDistance(hash, hash)).toBe(0);
  });
});

describe('stored fingerprints', () => {
  // Simhashes and MinHash keys are stored on every indexed article and compared with those of
  // later articles: a faster implementation must give exactly these values.
  it('keep the values articles were indexed with', () => {
    expect(simhashOf(BODY)).toBe('2e17acfa99d2f152');
    expect(simhashOf('')).toBe('518b06c8ab3e7c0b');
    expect(simhashOf('două cuvinte')).toBe('70752dc16550bcfd');
    expect(contentHashOf(BODY)).toBe('66a00a98e29623525bde78b26c5c67a1aa6cb807bbdce2defcad9231a65f4f7b');
    expect(contentHashOf(' Două\t\tcuvinte\n\nÎN  plus ')).toBe(
      '4924f1880089038d7189509aec19e652233d752bf1f8f0b328ff3a367bc153ba',
    );
    expect([...shingleSet(BODY).slice(0, 3)]).toEqual([92714495, 162056205, 190828375]);
    expect(bandKeys(minhashSignature(shingleSet(BODY))).slice(0, 3)).toEqual([
      '0:00217d6b',
      '1:063485f1',
      '2:04feada2',
    ]);
  });
});

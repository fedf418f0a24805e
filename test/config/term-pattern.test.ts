import { describe, expect, it } from 'vitest';
import { parseTermPattern } from '../../config/term-pattern.ts';

describe('parseTermPattern', () => {
  it('reads a word, a prefix and a phrase', () => {
    expect(parseTermPattern('azil')).toEqual({
      ok: true,
      term: { kind: 'phrase', words: [{ text: 'azil', isPrefix: false }] },
    });
    expect(parseTermPattern('uchodź*')).toEqual({
      ok: true,
      term: { kind: 'phrase', words: [{ text: 'uchodź', isPrefix: true }] },
    });
    expect(parseTermPattern('  protecți*   internațional* ')).toEqual({
      ok: true,
      term: {
        kind: 'phrase',
        words: [
          { text: 'protecți', isPrefix: true },
          { text: 'internațional', isPrefix: true },
        ],
      },
    });
  });

  it('reads a proximity term', () => {
    expect(parseTermPattern('border ~4 migrant*')).toEqual({
      ok: true,
      term: {
        kind: 'near',
        left: { text: 'border', isPrefix: false },
        right: { text: 'migrant', isPrefix: true },
        maxDistance: 4,
      },
    });
  });

  it.each([
    ['', 'the term is empty'],
    ['a ~ b', 'needs a number'],
    ['a ~0 b', 'must be 1 to 30'],
    ['a ~5', 'exactly one word on each side'],
    ['a b ~5 c', 'exactly one word on each side'],
    ['a ~5 b ~3 c', 'only one `~N`'],
    ['ref*ugee', '`*` may only end a word'],
    ['*fugee', '`*` may only end a word'],
    ['ab*', 'too short'],
    ['"asylum"', 'is not a word'],
    ['asylum,', 'is not a word'],
  ])('rejects %j (%s)', (pattern, reason) => {
    const result = parseTermPattern(pattern);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

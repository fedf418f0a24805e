import { describe, expect, it } from 'vitest';
import { compileTopics, runTopicExamples } from '../../../pipeline/topics/index.ts';
import { makeTopic } from './topic-fixtures.ts';

describe('runTopicExamples', () => {
  const topic = makeTopic(
    'roma',
    { ro: ['romi'], en: ['Roma'] },
    {
      exclusions: { en: ['AS Roma'] },
      examples: {
        match: [
          { lang: 'ro', text: 'Romii din Ferentari cer locuințe.' },
          { lang: 'en', text: 'Roma families were evicted.' },
          { lang: 'ro', text: 'Guvernul a discutat bugetul.' },
        ],
        noMatch: [
          { lang: 'en', text: 'AS Roma won again.' },
          { lang: 'ro', text: 'Romii au primit locuințe.' },
        ],
      },
    },
  );

  it('reports every example, passing and failing, with the matched terms', () => {
    const results = runTopicExamples(compileTopics([topic]), [topic]);
    expect(results.map((result) => [result.expected, result.got, result.passed])).toEqual([
      ['match', 'match', true],
      ['match', 'match', true],
      ['match', 'noMatch', false],
      ['noMatch', 'noMatch', true],
      ['noMatch', 'match', false],
    ]);
    const wronglyTagged = results[4];
    expect(wronglyTagged).toMatchObject({ topicId: 'roma', lang: 'ro', text: 'Romii au primit locuințe.' });
    expect(wronglyTagged?.terms).toEqual([{ term: 'romi', field: 'body', text: 'Romii', count: 1 }]);
    expect(wronglyTagged?.explanation).toContain('romi ← "Romii"');
    expect(results[2]?.explanation).toMatch(/no term matched/u);
  });

  it('shows the weak matches of an example matched only by another language', () => {
    const english = makeTopic(
      't',
      { en: ['pushback'] },
      { examples: { match: [{ lang: 'ro', text: 'Un pushback la graniță.' }], noMatch: [] } },
    );
    const [result] = runTopicExamples(compileTopics([english]), [english]);
    expect(result?.passed).toBe(false);
    expect(result?.terms.map((term) => term.term)).toEqual(['pushback']);
    expect(result?.explanation).toMatch(/other languages/u);
  });
});

import { describe, expect, it } from 'vitest';
import { compileFrames, findTerminology, scoreFrames } from '../../../pipeline/frames/index.ts';
import {
  analyseText,
  type CompiledTerm,
  combineDictionaries,
  compileDictionary,
  compileTerm,
  compileTopics,
  occurrencesOf,
  tagTopics,
  tokenise,
} from '../../../pipeline/topics/index.ts';
import { makeTopic, REFUGEES, ROMA } from './topic-fixtures.ts';

function term(pattern: string, language: 'ro' | 'en' = 'en'): CompiledTerm {
  const compiled = compileTerm(pattern, language);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.term;
}

/** `first-last` of each occurrence of `found` in `text`, matched against a dictionary of `terms`. */
function spans(terms: readonly CompiledTerm[], found: CompiledTerm, text: string): string[] {
  const matches = analyseText(compileDictionary(terms), { title: '', lead: null, body: text }).fields[2]
    ?.matches;
  return matches === undefined
    ? []
    : occurrencesOf(matches, found).map(({ first, last }) => `${first}-${last}`);
}

describe('the term dictionary', () => {
  it('finds stemmed words, phrases and prefixes, in text order', () => {
    const refugee = term('refugee');
    const seeker = term('asylum seeker');
    const pushback = term('pushback*');
    const terms = [refugee, seeker, pushback];
    const text = 'Refugees and asylum seekers; more refugees. Pushbacks, pushback-uri.';
    expect(spans(terms, refugee, text)).toEqual(['0-0', '5-5']);
    expect(spans(terms, seeker, text)).toEqual(['2-3']);
    expect(spans(terms, pushback, text)).toEqual(['6-6', '7-7']);
  });

  it('finds `a ~N b` within N words in either order, as the words matched', () => {
    const near = term('cerere ~4 azil', 'ro');
    expect(spans([near], near, 'O cerere nouă de azil.')).toEqual(['1-4']);
    expect(spans([near], near, 'Azil: o cerere nouă.')).toEqual(['0-2']);
    expect(spans([near], near, 'O cerere a fost depusă la minister iar despre azil nu.')).toEqual([]);
    const matches = analyseText(compileDictionary([near]), {
      title: 'O cerere nouă de azil.',
      lead: null,
      body: '',
    }).fields[0]?.matches;
    expect(matches && occurrencesOf(matches, near)[0]?.matched).toEqual([1, 4]);
  });

  it('finds each of several terms that share a sequence', () => {
    const first = term('asylum');
    const second = term('asylum');
    expect(spans([first, second], first, 'Asylum for all.')).toEqual(['0-0']);
    expect(spans([first, second], second, 'Asylum for all.')).toEqual(['0-0']);
  });

  it('serves the dictionaries it combines', () => {
    const refugees = compileTopics([REFUGEES]);
    const roma = compileTopics([ROMA]);
    const combined = combineDictionaries(refugees.dictionary, roma.dictionary);
    expect(combined.covers.has(refugees.dictionary)).toBe(true);
    expect(combined.covers.has(roma.dictionary)).toBe(true);
    expect(refugees.dictionary.covers.has(roma.dictionary)).toBe(false);
  });
});

describe('analyseText: one analysis for every stage', () => {
  const taxonomy = compileTopics([REFUGEES, ROMA]);
  const frames = compileFrames(
    [makeTopic('humanitarian_victim', { en: ['refugee', 'vulnerable'] })],
    [{ id: 'refugee', labels: { en: 'refugee' }, register: 'neutral', terms: { en: ['refugee'] } }],
  );
  const dictionary = combineDictionaries(taxonomy.dictionary, frames.dictionary);
  const article = {
    title: 'Refugees wait at the border',
    lead: 'Vulnerable families asked for asylum.',
    body: 'The refugees, many of them Roma, were sent back. AS Roma won the derby.',
    language: 'en' as const,
  };

  it('gives each stage what it finds on its own', () => {
    const analysed = analyseText(dictionary, article);
    expect(tagTopics(taxonomy, article, analysed)).toEqual(tagTopics(taxonomy, article));
    expect(scoreFrames(frames, article, analysed)).toEqual(scoreFrames(frames, article));
    expect(findTerminology(frames, article, analysed)).toEqual(findTerminology(frames, article));
    expect(tagTopics(taxonomy, article).topics.map((topic) => topic.id)).toEqual(['asylum', 'roma']);
  });

  it('is refused by a stage whose terms its dictionary lacks', () => {
    const topicsOnly = analyseText(taxonomy.dictionary, article);
    expect(() => findTerminology(frames, article, topicsOnly)).toThrow(/lacks this stage's terms/);
    expect(() => scoreFrames(frames, article, topicsOnly)).toThrow(/lacks this stage's terms/);
  });
});

describe('tokenise: words', () => {
  it('gives the tokens of one written word one shared record, with its folded form', () => {
    const [capital, , lower, again] = tokenise('Refugiații și refugiații. Refugiații');
    expect(again?.word).toBe(capital?.word);
    expect(tokenise('Din nou refugiații')[2]?.word).toBe(lower?.word);
    expect(lower?.word).not.toBe(capital?.word);
    expect(capital?.word.folded).toBe('refugiatii');
    expect(lower?.word.folded).toBe('refugiatii');
    expect(capital?.folded).toBe(capital?.word.folded);
  });
});

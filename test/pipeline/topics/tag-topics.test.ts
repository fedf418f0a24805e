import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../core/errors.ts';
import { compileTopics, TOPIC_SCORING, tagTopics } from '../../../pipeline/topics/index.ts';
import { BORDER, makeTopic, REFUGEES, ROMA } from './topic-fixtures.ts';

const taxonomy = compileTopics([REFUGEES, ROMA, BORDER]);

type Language = Parameters<typeof tagTopics>[1]['language'];
function tagBody(body: string, language: Language): ReturnType<typeof tagTopics> {
  return tagTopics(taxonomy, { title: '', lead: null, body, language });
}
function idsOf(body: string, language: Language): string[] {
  return tagBody(body, language).topics.map((topic) => topic.id);
}

describe('tagTopics: matching words in five languages', () => {
  it.each([
    ['ro', 'Numărul refugiaților a crescut anul trecut.', 'refugiaților'],
    ['ro', 'Numarul refugiatilor a crescut, spun autoritatile.', 'refugiatilor'],
    ['ro', 'Refugiaţi din Siria au ajuns la Timişoara.', 'Refugiaţi'],
    ['pl', 'Liczba uchodźców w Polsce wzrosła.', 'uchodźców'],
    ['pl', 'Straż Graniczna zatrzymała cudzoziemca.', 'cudzoziemca'],
    ['en', 'More refugees arrived in the city.', 'refugees'],
    ['ru', 'Число беженцев в Молдове выросло.', 'беженцев'],
    ['uk', 'Кількість біженців у Польщі зросла.', 'біженців'],
    ['uk', 'Вони попросили притулку в Румунії.', 'притулку'],
  ] as const)('[%s] %s', (language, body, matched) => {
    const tagging = tagBody(body, language);
    const tag = tagging.topics.find((topic) => topic.id === 'asylum');
    expect(tag?.terms.map((term) => term.text)).toContain(matched);
    expect(tag?.terms[0]?.field).toBe('body');
  });

  it('matches phrases only as adjacent words, with inflection', () => {
    expect(tagBody('Solicitanții de azil așteaptă.', 'ro').topics[0]?.terms.map((t) => t.term)).toContain(
      'solicitant de azil',
    );
    const tag = tagBody('Asylum seekers wait at the gate.', 'en').topics[0];
    expect(tag?.terms).toEqual([{ term: 'asylum seeker', field: 'body', text: 'Asylum seekers', count: 1 }]);
  });

  it('matches `a ~N b` within N words in either order, and not further apart', () => {
    const near = tagBody('O cerere nouă de azil a fost depusă.', 'ro').topics[0];
    expect(near?.terms.map((term) => term.term)).toEqual(['cerere ~4 azil']);
    const far = tagBody('O cerere a fost depusă la minister iar despre azil nu s-a vorbit.', 'ro').topics[0];
    expect(far?.terms.map((term) => term.term)).toEqual(['azil']);
  });

  it('matches `prefix*` terms on folded words', () => {
    const tag = tagTopics(taxonomy, {
      title: '',
      lead: null,
      body: 'Pushback-urile la granițe continuă.',
      language: 'ro',
    }).topics[0];
    expect(tag?.id).toBe('detention_return_border');
    expect(tag?.terms.map((term) => term.text).sort()).toEqual(['Pushback', 'granițe']);
  });

  it('does not match unrelated words that share letters', () => {
    expect(idsOf('The refuge of the mountain hut was closed.', 'en')).toEqual([]);
  });
});

describe('tagTopics: exclusions', () => {
  it('does not tag roma for the football club, but does for Roma people elsewhere in the text', () => {
    expect(idsOf('AS Roma a învins-o pe Lazio cu 2-1.', 'ro')).toEqual([]);
    expect(idsOf('AS Roma won the derby in Serie A.', 'en')).toEqual([]);
    const mixed = tagBody('AS Roma a câștigat. Comunitatea romă din Ferentari cere locuințe.', 'ro');
    expect(mixed.topics.map((topic) => topic.id)).toEqual(['roma']);
    expect(mixed.topics[0]?.terms.map((term) => term.text)).not.toContain('Roma');
  });

  it('does not tag a border topic for a war front', () => {
    expect(idsOf('Troops shelled positions along the border and the front line moved.', 'en')).toEqual([]);
    expect(idsOf('Обстріли тривали вздовж кордону, фронт не змінився.', 'uk')).toEqual([]);
    expect(idsOf('Police carried out pushbacks at the border with Belarus.', 'en')).toEqual([
      'detention_return_border',
    ]);
  });
});

describe('tagTopics: scores', () => {
  it('weighs title 3, lead 2, body 1', () => {
    const inField = (field: 'title' | 'lead' | 'body'): number =>
      tagTopics(taxonomy, {
        title: field === 'title' ? 'Refugees arrive' : 'News',
        lead: field === 'lead' ? 'Refugees arrive' : null,
        body: field === 'body' ? 'Refugees arrive' : 'Nothing else.',
        language: 'en',
      }).topics[0]?.score ?? 0;
    expect(inField('title')).toBeCloseTo(3 * inField('body'));
    expect(inField('lead')).toBeCloseTo(2 * inField('body'));
  });

  it('saturates repeated words: one word 20 times scores less than four distinct terms', () => {
    const repeated = tagBody(`${'Refugees. '.repeat(20)}`, 'en').topics[0]?.score ?? 0;
    const distinct = tagBody('Refugees and asylum seekers. Asylum. Deportation of a refugee family.', 'en');
    expect(repeated).toBeCloseTo(1 + Math.log(20));
    expect(repeated).toBeLessThan(distinct.relevance);
  });

  it('counts terms of other languages at half weight, and fully when the language is undetermined', () => {
    const quote = 'Un oficial a spus: „refugees are welcome”.';
    expect(tagTopics(taxonomy, { title: quote, lead: null, body: '', language: 'ro' }).topics[0]?.score).toBe(
      3 * TOPIC_SCORING.otherLanguageTermWeight,
    );
    expect(tagBody(quote, 'ro').topics).toEqual([]);
    expect(tagBody(quote, 'und').topics[0]?.score).toBe(1);
  });

  it('multiplies by the topic weight and counts a token once per topic', () => {
    const heavy = compileTopics([makeTopic('x', { en: ['refugee', 'refug*'] }, { weight: 2 })]);
    const tag = tagTopics(heavy, { title: '', lead: null, body: 'A refugee.', language: 'en' }).topics[0];
    expect(tag?.score).toBe(2);
    expect(tag?.terms).toHaveLength(1);
  });

  it('normalises mildly by length: the same matches in a long text score less, but not proportionally', () => {
    const short = tagBody('Refugees and asylum seekers arrived.', 'en').relevance;
    const filler = ' The weather was mild and the market was busy.'.repeat(120);
    const long = tagBody(`Refugees and asylum seekers arrived.${filler}`, 'en').relevance;
    expect(long).toBeLessThan(short);
    expect(long).toBeGreaterThan(short / 4);
  });
});

describe('tagTopics: migration-related', () => {
  const filler = ' The city council discussed the budget, roads and parks.'.repeat(60);

  it('is related with title evidence, or with enough distinct body terms', () => {
    const titled = tagTopics(taxonomy, {
      title: 'Refugees wait for asylum decisions',
      lead: null,
      body: 'The office said the backlog is long.',
      language: 'en',
    });
    expect(titled.isMigrationRelated).toBe(true);
    const body = tagBody(
      'Refugees crossed. Asylum seekers waited. Deportation was ordered by the court.',
      'en',
    );
    expect(body.isMigrationRelated).toBe(true);
  });

  it('is not related for a passing mention in a long article', () => {
    const passing = tagTopics(taxonomy, {
      title: 'Budget vote',
      lead: null,
      body: `A refugee spoke.${filler}`,
      language: 'en',
    });
    expect(passing.topics.map((topic) => topic.id)).toEqual([]);
    expect(passing.isMigrationRelated).toBe(false);
  });

  it('is not related for war news that mentions the border', () => {
    const war = tagTopics(taxonomy, {
      title: 'Troops hold the border as shelling continues',
      lead: 'The front line has not moved.',
      body: 'Troops near the border reported shelling overnight.',
      language: 'en',
    });
    expect(war.isMigrationRelated).toBe(false);
    expect(war.relevance).toBe(0);
  });
});

describe('compileTopics', () => {
  it('names the topic, file and term of a malformed pattern', () => {
    const bad = makeTopic('bad', { ro: ['ok', 'a*'] });
    expect(() => compileTopics([bad])).toThrow(ConfigError);
    expect(() => compileTopics([bad])).toThrow(/topic "bad" \(test\/bad\.yaml\): terms\.ro "a\*"/u);
  });
});

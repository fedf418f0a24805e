import { describe, expect, it } from 'vitest';
import { weekWindow } from '../../digest/iso-week.ts';
import { buildDigest, MAX_HTML_BYTES } from '../../digest/render.ts';
import { selectMemberArticles } from '../../digest/select.ts';
import { isValidUnsubscribeToken, unsubscribeToken } from '../../digest/unsubscribe.ts';
import type { WeekArticle } from '../../indexer/week-articles.ts';
import { MEMBERS, member, testVocabulary } from './digest-fixtures.ts';

const WINDOW = weekWindow({ year: 2026, week: 3 }, 'Europe/Bucharest');
const SETTINGS = {
  from: 'digest@coalition.example.org',
  publicUrl: 'https://pressmon.example.org',
  unsubscribeSecret: null,
  unsubscribeMailto: 'digest@coalition.example.org',
};

function weekArticle(n: number, fields: Partial<WeekArticle> = {}): WeekArticle {
  return {
    id: `a${n}`,
    url: `https://news.example.org/${n}`,
    title: `Article ${n} about asylum seekers`,
    lead: `Lead ${n}`,
    source: { id: `s${n % 7}`, name: `Outlet ${n % 7}`, country: 'ro' },
    publishedAt: new Date(Date.parse(WINDOW.from) + (n % 160) * 3_600_000).toISOString(),
    firstSeenAt: null,
    language: 'ro',
    topics: [{ id: 'asylum', score: 3 }],
    relevance: 3 + (n % 5),
    organisations: [],
    frames: [],
    storyId: `story-${n}`,
    ...fields,
  };
}

function build(articles: readonly WeekArticle[], who = MEMBERS.sam) {
  return buildDigest(
    {
      member: who,
      week: { year: 2026, week: 3 },
      window: WINDOW,
      selected: selectMemberArticles(who, articles, []),
      previous: { total: 2, perTopic: { asylum: 2 } },
      savedSearches: [],
      vocabulary: testVocabulary(),
      publicUrl: SETTINGS.publicUrl,
    },
    SETTINGS,
  );
}

describe('composeDigest and renderDigest', () => {
  it('ranks a story run by more outlets above an equally relevant single one', () => {
    const single = weekArticle(1, { relevance: 5, title: 'Single outlet' });
    const copies = [2, 3, 4].map((n) =>
      weekArticle(n, { relevance: 5, storyId: 'shared', title: 'Three outlets' }),
    );
    const { model } = build([single, ...copies]);
    expect(model.sections[0]?.stories.map((story) => story.title)).toEqual([
      'Three outlets',
      'Single outlet',
    ]);
    expect(model.sections[0]?.stories[0]?.alsoIn).toHaveLength(2);
    expect(model.summary).toMatchObject({ stories: 2, articles: 4, previousArticles: 2 });
  });

  it('shows each story once, under the member topic it scores best in', () => {
    const both = weekArticle(1, {
      topics: [
        { id: 'asylum', score: 1 },
        { id: 'ukraine_displacement', score: 6 },
      ],
    });
    const { model } = build([both]);
    expect(model.sections.map((section) => [section.id, section.storyCount])).toEqual([
      ['ukraine_displacement', 1],
    ]);
  });

  it('balances portrayal frames per story, not per syndicated copy', () => {
    const copies = [1, 2, 3].map((n) =>
      weekArticle(n, { storyId: 'x', frames: [{ id: 'victims', score: 2 }] }),
    );
    const other = weekArticle(4, { frames: [{ id: 'security_threat', score: 2 }] });
    const { model } = build([...copies, other]);
    expect(model.frames).toEqual({
      framedStories: 2,
      shares: [
        { id: 'security_threat', label: 'Security threat', stories: 1, share: 0.5 },
        { id: 'victims', label: 'Victims', stories: 1, share: 0.5 },
      ],
    });
  });

  it('keeps the HTML under 100 kB however busy the week, saying how many stories are left out', () => {
    const busy = Array.from({ length: 3000 }, (_, n) =>
      weekArticle(n, { title: `${'Very long title '.repeat(12)}${n}`, lead: 'Lead '.repeat(80) }),
    );
    const { model, message } = build(busy, member({ email: 'x@example.org', topics: ['asylum'] }));
    expect(message.htmlBytes).toBeLessThanOrEqual(MAX_HTML_BYTES);
    expect(model.sections[0]?.moreCount).toBeGreaterThan(0);
    expect(message.text).toMatch(/and \d[\d,]* more stories/);
  });

  it('writes the interface in the member language and names why the member receives it', () => {
    const { message } = build([weekArticle(1)], MEMBERS.ana);
    expect(message.html).toContain('<html lang="ro">');
    expect(message.text).toContain('Săptămâna aceasta: 1 subiect din 1 articol în 1 publicație.');
    expect(message.text).toContain('Față de săptămâna trecută (2 articole): −1 (−50%).');
    expect(message.text).toContain(
      'Dezabonare: mailto:digest@coalition.example.org?subject=unsubscribe%20ana%40example.org',
    );
    expect(message.headers['List-Unsubscribe-Post']).toBeUndefined();
  });

  it('signs unsubscribe links so that only pressmon can make them', () => {
    const token = unsubscribeToken('secret', 'Ana@Example.org');
    expect(isValidUnsubscribeToken('secret', 'ana@example.org', token)).toBe(true);
    expect(isValidUnsubscribeToken('other', 'ana@example.org', token)).toBe(false);
    expect(isValidUnsubscribeToken('secret', 'jan@example.org', token)).toBe(false);
  });
});

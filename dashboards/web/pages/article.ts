import type { ApiArticle, ApiTagEvidence } from '../../api-types.ts';
import { getJson } from '../api.ts';
import { facetLabel, languageName, type PageContext } from '../context.ts';
import { h, replaceChildren, segments } from '../dom.ts';
import { formatDate, labelOf } from '../i18n.ts';

/**
 * One article: its text with the words that tagged it marked, metadata, why
 * it was tagged, frames and terminology, the story's other copies, and links
 * to the original and to the archived raw page (served as plain text).
 */
export async function renderArticlePage(context: PageContext, match: RegExpExecArray): Promise<void> {
  const { root, t, language, meta } = context;
  const id = match[1] ?? '';
  replaceChildren(root, t('loading'));
  const article = await getJson<ApiArticle>(`/api/articles/${encodeURIComponent(id)}`);
  document.title = `${article.title.map((part) => part.text).join('')} – pressmon`;
  const date = (iso: string | null): string => formatDate(iso, language, meta.timeZone);
  const facts: [string, string][] = [
    [t('facetSources'), `${article.source.name} (${article.source.country.toUpperCase()})`],
    [t('publishedAt'), date(article.publishedAt)],
    [t('fetchedAt'), date(article.fetchedAt)],
    [
      t('facetLanguages'),
      `${languageName(article.language.code, language)} (${Math.round(article.language.confidence * 100)} %)`,
    ],
    [t('authors'), article.authors.join(', ') || '—'],
    [t('section'), article.section ?? '—'],
    [t('words'), String(article.wordCount)],
    [
      t('relevance'),
      `${article.relevance.toFixed(2)} · ${article.isMigrationRelated ? t('migrationRelated') : t('notMigrationRelated')}`,
    ],
  ];
  const links = h(
    'p',
    { class: 'links' },
    h(
      'a',
      {
        href: article.url,
        rel: 'noopener noreferrer nofollow',
        target: '_blank',
        id: 'original-link',
        class: 'button',
      },
      t('articleOriginal'),
    ),
    article.hasRawPage
      ? h(
          'a',
          {
            href: `/api/articles/${encodeURIComponent(article.id)}/raw`,
            target: '_blank',
            rel: 'noopener',
            id: 'raw-link',
            class: 'button',
          },
          t('articleRaw'),
        )
      : h('span', { class: 'muted', id: 'no-raw' }, t('articleNoRaw')),
    article.hasRawPage
      ? h(
          'a',
          {
            href: `/api/articles/${encodeURIComponent(article.id)}/raw?download=1`,
            download: '',
            class: 'button',
          },
          t('articleRawDownload'),
        )
      : null,
  );
  const text = h(
    'article',
    { class: 'article-text', lang: article.language.code },
    h('h1', { id: 'article-title' }, segments(article.title)),
    h(
      'div',
      { class: 'chips' },
      h('span', { class: 'chip outlet' }, article.source.name),
      h('span', { class: 'chip date' }, date(article.publishedAt)),
      h('span', { class: 'chip lang' }, languageName(article.language.code, language)),
      ...article.topics.map((topic) =>
        h('span', { class: 'chip topic' }, facetLabel(context, 'topics', topic.id)),
      ),
    ),
    article.lead === null ? null : h('p', { class: 'lead', id: 'article-lead' }, segments(article.lead)),
    h('div', { id: 'article-body' }, ...article.body.map((paragraph) => h('p', {}, segments(paragraph)))),
  );
  const side = h(
    'aside',
    { class: 'article-side' },
    h('dl', { class: 'facts' }, ...facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    links,
    h('h2', {}, t('whyTagged')),
    evidenceList(
      context,
      t('topicsTitle'),
      article.topics,
      (tagId) => facetLabel(context, 'topics', tagId),
      'why-topics',
    ),
    evidenceList(
      context,
      t('framesTitle'),
      article.frames,
      (tagId) => facetLabel(context, 'frames', tagId),
      'why-frames',
    ),
    evidenceList(
      context,
      t('terminologyTitle'),
      article.terminology,
      (tagId) => labelOf(meta.terminology.find((item) => item.id === tagId)?.labels, language, tagId),
      'why-terminology',
    ),
    mentions(
      t('facetOrganisations'),
      article.organisations.map((item) => `${item.name} ×${item.count}`),
    ),
    mentions(
      t('facetPlaces'),
      article.places.map((item) => `${item.name} (${item.country.toUpperCase()}) ×${item.count}`),
    ),
    h('h2', {}, t('alsoIn')),
    article.copies.length === 0
      ? h('p', { class: 'muted' }, t('noCopies'))
      : h(
          'ul',
          { id: 'also-in' },
          ...article.copies.map((copy) =>
            h(
              'li',
              {},
              h('a', { href: `/articles/${encodeURIComponent(copy.id)}` }, copy.title),
              ' — ',
              copy.source.name,
              ', ',
              date(copy.publishedAt),
            ),
          ),
        ),
  );
  replaceChildren(
    root,
    h('p', {}, h('a', { href: '/search', class: 'back' }, `← ${t('backToSearch')}`)),
    h('div', { class: 'article-layout' }, text, side),
  );
}

function evidenceList(
  context: PageContext,
  title: string,
  tags: readonly ApiTagEvidence[],
  label: (id: string) => string,
  id: string,
): HTMLElement | null {
  if (tags.length === 0) return null;
  return h(
    'section',
    { id },
    h('h3', {}, title),
    h(
      'ul',
      {},
      ...tags.map((tag) =>
        h(
          'li',
          {},
          h('strong', {}, label(tag.id)),
          ` (${tag.score.toFixed(1)}) — ${context.t('matchedTerms')}: `,
          ...tag.terms.flatMap((term, index) => [
            index > 0 ? ', ' : null,
            h('mark', {}, term.text),
            ` ×${term.count}`,
          ]),
        ),
      ),
    ),
  );
}

function mentions(title: string, items: readonly string[]): HTMLElement | null {
  if (items.length === 0) return null;
  return h('section', {}, h('h3', {}, title), h('ul', {}, ...items.map((item) => h('li', {}, item))));
}

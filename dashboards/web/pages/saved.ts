import type { SavedSearch } from '../../api-types.ts';
import { getJson, sendJson } from '../api.ts';
import type { PageContext } from '../context.ts';
import { h, replaceChildren } from '../dom.ts';
import { formatDate } from '../i18n.ts';

type ApiSavedSearch = SavedSearch & { readonly params: string };

/** The user's saved searches: open, include in the weekly digest or not, delete. */
export async function renderSavedPage(context: PageContext): Promise<void> {
  const { root, t, meta, language } = context;
  replaceChildren(root, t('loading'));
  const saved = await getJson<ApiSavedSearch[]>('/api/saved-searches');
  const rows = saved.map((item) =>
    h(
      'tr',
      { 'data-id': item.id },
      h('td', {}, h('a', { href: `/search?${item.params}` }, item.name)),
      h('td', { class: 'muted' }, item.request.query),
      h('td', {}, formatDate(item.updatedAt, language, meta.timeZone)),
      h(
        'td',
        {},
        h('input', {
          type: 'checkbox',
          'aria-label': t('inDigest'),
          checked: item.includeInDigest,
          disabled: meta.user.email === null,
          onchange: async (event: Event) => {
            const box = event.target as HTMLInputElement;
            await sendJson('PATCH', `/api/saved-searches/${encodeURIComponent(item.id)}`, {
              includeInDigest: box.checked,
            });
          },
        }),
      ),
      h(
        'td',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'delete',
            onclick: async () => {
              await sendJson('DELETE', `/api/saved-searches/${encodeURIComponent(item.id)}`);
              context.navigate('/saved', { replace: true });
            },
          },
          t('delete'),
        ),
      ),
    ),
  );
  replaceChildren(
    root,
    h('h1', {}, t('savedTitle')),
    rows.length === 0
      ? h('p', { class: 'muted', id: 'no-saved' }, t('noSaved'))
      : h(
          'table',
          { id: 'saved-searches' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, t('name')),
              h('th', {}, t('searchButton')),
              h('th', {}, '⏱'),
              h('th', {}, t('inDigest')),
              h('th', {}, ''),
            ),
          ),
          h('tbody', {}, ...rows),
        ),
  );
}

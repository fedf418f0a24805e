import type { ApiMeta } from '../api-types.ts';
import { ApiFailure, getJson, sendJson } from './api.ts';
import type { PageContext } from './context.ts';
import { h, replaceChildren } from './dom.ts';
import {
  asUiLanguage,
  currentLanguage,
  rememberLanguage,
  type Translate,
  translator,
  UI_LANGUAGES,
} from './i18n.ts';
import { renderArticlePage } from './pages/article.ts';
import { renderLoginPage } from './pages/login.ts';
import { renderSavedPage } from './pages/saved.ts';
import { renderSearchPage } from './pages/search.ts';
import { renderTrendsPage } from './pages/trends.ts';

type Page = (context: PageContext, match: RegExpExecArray) => Promise<void>;

const ROUTES: readonly (readonly [RegExp, Page])[] = [
  [/^\/(?:search)?$/, renderSearchPage],
  [/^\/trends$/, renderTrendsPage],
  [/^\/saved$/, renderSavedPage],
  [/^\/articles\/([A-Za-z0-9_-]{1,128})$/, renderArticlePage],
];

let meta: ApiMeta | null = null;
let rendering = 0;

/** Draws the page for the current address. */
async function render(): Promise<void> {
  const run = ++rendering;
  const app = document.getElementById('app');
  if (app === null) return;
  const language = currentLanguage();
  document.documentElement.lang = language;
  const t = translator(language);
  const url = new URL(location.href);
  if (url.pathname === '/login') {
    meta = null;
    await renderLoginPage(app, t, navigate);
    return;
  }
  const main = h('main', { id: 'content' }, t('loading'));
  try {
    meta ??= await getJson<ApiMeta>('/api/meta');
  } catch (error) {
    replaceChildren(app, errorBox(t, error));
    return;
  }
  if (run !== rendering) return;
  replaceChildren(app, header(t, meta), main);
  const route = ROUTES.map(([pattern, page]) => [pattern.exec(url.pathname), page] as const).find(
    ([m]) => m !== null,
  );
  if (route === undefined) {
    replaceChildren(main, h('p', {}, t('notFound')));
    return;
  }
  const [match, page] = route;
  const context: PageContext = { root: main, language, t, meta, url, navigate };
  try {
    await page(context, match as RegExpExecArray);
  } catch (error) {
    if (run === rendering) replaceChildren(main, errorBox(t, error));
  }
}

function navigate(href: string, options: { replace?: boolean; state?: unknown } = {}): void {
  if (options.replace) history.replaceState(options.state ?? null, '', href);
  else history.pushState(options.state ?? null, '', href);
  void render();
}

function header(t: Translate, current: ApiMeta): HTMLElement {
  const language = currentLanguage();
  const select = h(
    'select',
    {
      'aria-label': t('language'),
      id: 'ui-language',
      onchange: (event: Event) => {
        const chosen = asUiLanguage((event.target as HTMLSelectElement).value);
        if (chosen !== null) rememberLanguage(chosen);
        void render();
      },
    },
    ...UI_LANGUAGES.map((code) =>
      h('option', { value: code, selected: code === language }, code.toUpperCase()),
    ),
  );
  const logout = h(
    'button',
    {
      type: 'button',
      id: 'logout',
      onclick: async () => {
        await sendJson('POST', '/api/logout');
        meta = null;
        navigate('/login');
      },
    },
    t('logout'),
  );
  return h(
    'header',
    { class: 'top' },
    h('a', { href: '/', class: 'brand' }, t('appName')),
    h(
      'nav',
      {},
      h('a', { href: '/search' }, t('navSearch')),
      h('a', { href: '/trends' }, t('navTrends')),
      h('a', { href: '/saved' }, t('navSaved')),
    ),
    h('span', { class: 'spacer' }),
    select,
    h('span', { class: 'user', id: 'current-user' }, current.user.name),
    current.user.via === 'session' ? logout : null,
  );
}

export function errorBox(t: Translate, error: unknown): HTMLElement {
  const message = error instanceof ApiFailure || error instanceof Error ? error.message : String(error);
  return h('div', { class: 'error', role: 'alert' }, h('strong', {}, t('error')), ': ', message);
}

// Same-site links change the page without reloading; downloads, API links and new tabs are left alone.
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a');
  if (link === null || link === undefined || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (link.origin !== location.origin || link.target !== '' || link.hasAttribute('download')) return;
  if (link.pathname.startsWith('/api/') || link.pathname.startsWith('/assets/')) return;
  event.preventDefault();
  navigate(link.pathname + link.search);
});
window.addEventListener('popstate', () => void render());
void render();

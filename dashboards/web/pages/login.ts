import { ApiFailure, sendJson } from '../api.ts';
import { h, replaceChildren } from '../dom.ts';
import type { Translate } from '../i18n.ts';

/** The login form; after login, back to the page that asked for it (same site only). */
export async function renderLoginPage(
  app: HTMLElement,
  t: Translate,
  navigate: (href: string, options?: { replace?: boolean }) => void,
): Promise<void> {
  const message = h('p', { class: 'error', role: 'alert', hidden: true });
  const username = h('input', {
    id: 'username',
    name: 'username',
    autocomplete: 'username',
    required: true,
    maxlength: 64,
  });
  const password = h('input', {
    id: 'password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    maxlength: 1024,
  });
  const form = h(
    'form',
    {
      class: 'login',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        message.hidden = true;
        try {
          await sendJson('POST', '/api/login', { username: username.value, password: password.value });
          const next = new URL(location.href).searchParams.get('next') ?? '/';
          navigate(
            next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/',
            {
              replace: true,
            },
          );
        } catch (error) {
          message.textContent =
            error instanceof ApiFailure && error.status === 429 ? t('loginTooMany') : t('loginFailed');
          message.hidden = false;
          password.value = '';
        }
      },
    },
    h('h1', {}, t('loginTitle')),
    h('label', { for: 'username' }, t('username')),
    username,
    h('label', { for: 'password' }, t('password')),
    password,
    message,
    h('button', { type: 'submit', id: 'login-button' }, t('loginButton')),
  );
  replaceChildren(
    app,
    h('main', { id: 'content', class: 'login-page' }, h('div', { class: 'brand' }, t('appName')), form),
  );
  username.focus();
}

import { escapeHtml } from '../../indexer/index.ts';

/** Languages of the unsubscribe pages: the digest's languages. */
export type UnsubscribePageLanguage = 'en' | 'ro' | 'pl';

const LANGUAGES: readonly UnsubscribePageLanguage[] = ['en', 'ro', 'pl'];

interface PageStrings {
  readonly title: string;
  /** `{email}` is replaced by the address (escaped). */
  readonly confirm: string;
  readonly button: string;
  readonly done: string;
  readonly already: string;
  readonly badLink: string;
  readonly notConfirmed: string;
}

/** The pages' words, one table per language (every language has every key: the type says so). */
const STRINGS: Readonly<Record<UnsubscribePageLanguage, PageStrings>> = {
  en: {
    title: 'Unsubscribe from the weekly press digest',
    confirm: 'Stop sending the weekly press digest to {email}?',
    button: 'Unsubscribe',
    done: '{email} is unsubscribed: no more weekly digests will be sent to this address.',
    already: '{email} was already unsubscribed: no weekly digests are sent to this address.',
    badLink:
      'This unsubscribe link is not valid (it may have been cut or changed). Use the link of a recent digest, or write to the sender.',
    notConfirmed: 'Nothing was changed: the request did not confirm the unsubscription.',
  },
  ro: {
    title: 'Dezabonare de la revista presei săptămânală',
    confirm: 'Nu mai trimitem revista presei săptămânală la {email}?',
    button: 'Dezabonare',
    done: '{email} este dezabonat: nu mai trimitem reviste săptămânale la această adresă.',
    already: '{email} era deja dezabonat: nu trimitem reviste săptămânale la această adresă.',
    badLink:
      'Acest link de dezabonare nu este valid (poate a fost tăiat sau modificat). Folosiți linkul unei reviste recente sau scrieți expeditorului.',
    notConfirmed: 'Nu s-a schimbat nimic: cererea nu a confirmat dezabonarea.',
  },
  pl: {
    title: 'Rezygnacja z cotygodniowego przeglądu prasy',
    confirm: 'Przestać wysyłać cotygodniowy przegląd prasy na adres {email}?',
    button: 'Wypisz mnie',
    done: 'Adres {email} został wypisany: nie będziemy już wysyłać na niego cotygodniowych przeglądów.',
    already: 'Adres {email} był już wypisany: nie wysyłamy na niego cotygodniowych przeglądów.',
    badLink:
      'Ten link do wypisania się jest nieprawidłowy (mógł zostać ucięty lub zmieniony). Użyj linku z niedawnego przeglądu albo napisz do nadawcy.',
    notConfirmed: 'Nic nie zmieniono: żądanie nie potwierdziło wypisania.',
  },
};

/**
 * The page's language: the member's own digest language when known, else
 * the first of the browser's Accept-Language preferences (by weight) that is
 * one of en/ro/pl, else English.
 */
export function pageLanguage(
  memberLanguage: string | null,
  acceptLanguage: string | undefined,
): UnsubscribePageLanguage {
  const own = LANGUAGES.find((language) => language === memberLanguage);
  if (own !== undefined) return own;
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...parameters] = entry.trim().split(';');
      const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return {
        primary: tag.trim().toLowerCase().split('-')[0] ?? '',
        q: q === undefined ? 1 : Number(q),
        index,
      };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { primary } of preferences) {
    const found = LANGUAGES.find((language) => language === primary);
    if (found !== undefined) return found;
  }
  return 'en';
}

/** What an unsubscribe page says. */
export type UnsubscribePage =
  /** The confirmation form; `action` is the same-origin path and query it posts to. */
  | { readonly kind: 'confirm'; readonly email: string; readonly action: string }
  | { readonly kind: 'done' | 'already'; readonly email: string }
  | { readonly kind: 'bad-link' | 'not-confirmed' };

/**
 * A small complete HTML page (no script, no inline style: the dashboards'
 * CSP holds). The confirmation is a plain form that POSTs the RFC 8058 body
 * `List-Unsubscribe=One-Click` and `via=page`, so it works without JavaScript.
 * @param stylePath the dashboards' stylesheet, e.g. `/assets/style-ABC.css`.
 */
export function renderUnsubscribePage(
  page: UnsubscribePage,
  language: UnsubscribePageLanguage,
  stylePath: string,
): string {
  const words = STRINGS[language];
  const withEmail = (text: string, email: string): string =>
    escapeHtml(text).replace('{email}', `<strong>${escapeHtml(email)}</strong>`);
  const body =
    page.kind === 'confirm'
      ? [
          `<p>${withEmail(words.confirm, page.email)}</p>`,
          `<form method="post" action="${escapeHtml(page.action)}">`,
          '<input type="hidden" name="List-Unsubscribe" value="One-Click">',
          '<input type="hidden" name="via" value="page">',
          `<button type="submit">${escapeHtml(words.button)}</button>`,
          '</form>',
        ]
      : page.kind === 'done' || page.kind === 'already'
        ? [`<p>${withEmail(page.kind === 'done' ? words.done : words.already, page.email)}</p>`]
        : [
            `<p class="error">${escapeHtml(page.kind === 'bad-link' ? words.badLink : words.notConfirmed)}</p>`,
          ];
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(words.title)}</title>`,
    `<link rel="stylesheet" href="${escapeHtml(stylePath)}">`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(words.title)}</h1>`,
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

import type { Member } from '../config/types.ts';

/** A digest's interface language (articles keep their own). */
export type DigestLanguage = Member['language'];

/** Word forms by plural category (Intl.PluralRules: `one`, `few`, `many`, `other`). */
type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & { readonly other: string };

/** Every interface string of the digest, per language. `{n}` and `{x}` are filled in by the renderer. */
export interface DigestStrings {
  /** BCP 47 locale for dates and numbers. */
  readonly locale: string;
  readonly subject: string;
  readonly subjectEmpty: string;
  readonly heading: string;
  readonly greeting: string;
  readonly summaryLine: string;
  readonly stories: PluralForms;
  readonly articles: PluralForms;
  readonly outlets: PluralForms;
  readonly moreStories: PluralForms;
  /** {n}: the previous week's articles; {x}: the change, `+5 (+25%)`. */
  readonly change: string;
  readonly busiestTopics: string;
  readonly savedSearch: string;
  readonly alsoIn: string;
  readonly readOriginal: string;
  readonly openInPressmon: string;
  readonly mentionsHeading: string;
  readonly mentionsNone: string;
  readonly framesHeading: string;
  readonly framesIntro: string;
  readonly framesNone: string;
  readonly nothingNew: string;
  readonly footerWhy: string;
  readonly footerUnsubscribe: string;
  readonly undated: string;
}

/** The strings of ro, pl and en. Placeholders: {name}, {range}, {n}, {stories}, {articles}, {outlets}, {x}. */
export const DIGEST_STRINGS: Readonly<Record<DigestLanguage, DigestStrings>> = {
  en: {
    locale: 'en-GB',
    subject: 'Press digest {range}: {stories}',
    subjectEmpty: 'Press digest {range}: nothing new',
    heading: 'Weekly press digest',
    greeting: 'Hello {name},',
    summaryLine: 'This week: {stories} from {articles} in {outlets}.',
    stories: { one: '{n} story', other: '{n} stories' },
    articles: { one: '{n} article', other: '{n} articles' },
    outlets: { one: '{n} outlet', other: '{n} outlets' },
    moreStories: { one: 'and {n} more story', other: 'and {n} more stories' },
    change: 'Compared with the week before ({n}): {x}.',
    busiestTopics: 'Busiest topics',
    savedSearch: 'Saved search: {x}',
    alsoIn: 'also in: {x}',
    readOriginal: 'original',
    openInPressmon: 'in pressmon',
    mentionsHeading: 'Mentions of organisations',
    mentionsNone: 'not mentioned this week',
    framesHeading: 'How migrants were portrayed',
    framesIntro: 'Share of stories with each frame ({n} stories with a frame).',
    framesNone: 'No portrayal frame was found in this week’s stories.',
    nothingNew: 'Nothing new on your topics this week.',
    footerWhy:
      'You receive this digest because {x} follows these topics in the coalition’s press monitoring: {topics}.',
    footerUnsubscribe: 'Unsubscribe',
    undated: 'no date',
  },
  ro: {
    locale: 'ro-RO',
    subject: 'Revista presei {range}: {stories}',
    subjectEmpty: 'Revista presei {range}: nimic nou',
    heading: 'Revista săptămânală a presei',
    greeting: 'Bună ziua, {name},',
    summaryLine: 'Săptămâna aceasta: {stories} din {articles} în {outlets}.',
    stories: { one: '{n} subiect', few: '{n} subiecte', other: '{n} de subiecte' },
    articles: { one: '{n} articol', few: '{n} articole', other: '{n} de articole' },
    outlets: { one: '{n} publicație', few: '{n} publicații', other: '{n} de publicații' },
    moreStories: {
      one: 'și încă {n} subiect',
      few: 'și încă {n} subiecte',
      other: 'și încă {n} de subiecte',
    },
    change: 'Față de săptămâna trecută ({n}): {x}.',
    busiestTopics: 'Cele mai active teme',
    savedSearch: 'Căutare salvată: {x}',
    alsoIn: 'și în: {x}',
    readOriginal: 'articolul original',
    openInPressmon: 'în pressmon',
    mentionsHeading: 'Mențiuni ale organizațiilor',
    mentionsNone: 'nicio mențiune săptămâna aceasta',
    framesHeading: 'Cum au fost prezentați migranții',
    framesIntro: 'Ponderea subiectelor cu fiecare cadru ({n} subiecte cu un cadru).',
    framesNone: 'Niciun cadru de prezentare nu a fost găsit săptămâna aceasta.',
    nothingNew: 'Nimic nou pe temele dumneavoastră săptămâna aceasta.',
    footerWhy:
      'Primiți această revistă deoarece {x} urmărește aceste teme în monitorizarea presei a coaliției: {topics}.',
    footerUnsubscribe: 'Dezabonare',
    undated: 'fără dată',
  },
  pl: {
    locale: 'pl-PL',
    subject: 'Przegląd prasy {range}: {stories}',
    subjectEmpty: 'Przegląd prasy {range}: nic nowego',
    heading: 'Tygodniowy przegląd prasy',
    greeting: 'Dzień dobry, {name},',
    summaryLine: 'W tym tygodniu: {stories} z {articles} w {outlets}.',
    stories: { one: '{n} temat', few: '{n} tematy', many: '{n} tematów', other: '{n} tematu' },
    articles: { one: '{n} artykułu', few: '{n} artykułów', many: '{n} artykułów', other: '{n} artykułu' },
    outlets: { one: '{n} medium', few: '{n} mediach', many: '{n} mediach', other: '{n} medium' },
    moreStories: {
      one: 'i jeszcze {n} temat',
      few: 'i jeszcze {n} tematy',
      many: 'i jeszcze {n} tematów',
      other: 'i jeszcze {n} tematu',
    },
    change: 'W porównaniu z poprzednim tygodniem ({n}): {x}.',
    busiestTopics: 'Najaktywniejsze tematy',
    savedSearch: 'Zapisane wyszukiwanie: {x}',
    alsoIn: 'także w: {x}',
    readOriginal: 'oryginał',
    openInPressmon: 'w pressmon',
    mentionsHeading: 'Wzmianki o organizacjach',
    mentionsNone: 'brak wzmianek w tym tygodniu',
    framesHeading: 'Jak przedstawiano migrantów',
    framesIntro: 'Udział tematów z każdą ramą ({n} tematów z ramą).',
    framesNone: 'W tym tygodniu nie znaleziono ram przedstawiania.',
    nothingNew: 'W tym tygodniu nic nowego w Twoich tematach.',
    footerWhy:
      'Otrzymujesz ten przegląd, ponieważ {x} śledzi te tematy w monitoringu prasy koalicji: {topics}.',
    footerUnsubscribe: 'Wypisz się',
    undated: 'bez daty',
  },
};

const PLURAL_RULES = new Map<string, Intl.PluralRules>();

/** `count` with the word form its language needs (`1 story`, `5 tematów`, `20 de subiecte`). */
export function plural(strings: DigestStrings, forms: PluralForms, count: number): string {
  let rules = PLURAL_RULES.get(strings.locale);
  if (rules === undefined) {
    rules = new Intl.PluralRules(strings.locale);
    PLURAL_RULES.set(strings.locale, rules);
  }
  const form = forms[rules.select(count)] ?? forms.other;
  return form.replace('{n}', count.toLocaleString(strings.locale));
}

/** Replaces `{key}` placeholders; unknown keys stay as they are. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

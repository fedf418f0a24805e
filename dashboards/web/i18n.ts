import type { Labels } from '../api-types.ts';
import { en, type MessageKey, type Messages } from './i18n/en.ts';
import { pl } from './i18n/pl.ts';
import { ro } from './i18n/ro.ts';

export const UI_LANGUAGES = ['en', 'ro', 'pl'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

const MESSAGES: Readonly<Record<UiLanguage, Messages>> = { en, ro, pl };
const STORAGE_KEY = 'pressmon.lang';

/** The interface language: the one chosen before, else the browser's first known one, else English. */
export function currentLanguage(): UiLanguage {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  const wanted = [stored, ...navigator.languages.map((code) => code.slice(0, 2).toLowerCase())];
  return wanted.map(asUiLanguage).find((code) => code !== null) ?? 'en';
}

export function rememberLanguage(language: UiLanguage): void {
  safeStorage()?.setItem(STORAGE_KEY, language);
}

export function asUiLanguage(code: string | null | undefined): UiLanguage | null {
  return UI_LANGUAGES.find((language) => language === code) ?? null;
}

/** Looks strings up in a language, `{name}` replaced by values. */
export function translator(language: UiLanguage): Translate {
  const messages = MESSAGES[language];
  return (key, values = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** A taxonomy label in the interface language, else English, else any, else the id. */
export function labelOf(labels: Labels | undefined, language: UiLanguage, fallback: string): string {
  if (labels === undefined) return fallback;
  return (
    labels[language] ?? labels.en ?? Object.values(labels).find((label) => label !== undefined) ?? fallback
  );
}

/** A date or time as the interface language writes it. */
export function formatDate(iso: string | null, language: UiLanguage, timeZone: string): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone }).format(date);
}

export function formatNumber(value: number, language: UiLanguage): string {
  return new Intl.NumberFormat(language).format(value);
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

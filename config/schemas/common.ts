import { validate as isValidCron } from 'node-cron';
import { z } from 'zod';
import { COALITION_LANGUAGES, KNOWN_LANGUAGES } from '../../core/languages.ts';
import { parseTermPattern } from '../term-pattern.ts';
import type { CountryCode } from '../types.ts';

/** Countries, in the order used by folders and tables. */
export const COUNTRY_CODES = ['ro', 'md', 'pl', 'ua', 'int'] as const satisfies readonly CountryCode[];

/** Time zone of a source when its file names none. */
export const DEFAULT_TIME_ZONE_BY_COUNTRY: Readonly<Record<CountryCode, string>> = {
  ro: 'Europe/Bucharest',
  md: 'Europe/Chisinau',
  pl: 'Europe/Warsaw',
  ua: 'Europe/Kyiv',
  int: 'UTC',
};

const ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/** Lower-case id with words joined by `-` or `_` (`hotnews`, `ukraine_displacement`). */
export const idSchema = z
  .string()
  .regex(ID, 'must be lower-case letters and digits joined by - or _ (like `hot-news` or `legal_status`)');

export const nonEmptyTextSchema = z.string().trim().min(1, 'must not be empty');

/** An absolute http(s) URL. */
export const httpUrlSchema = z.string().refine(isHttpUrl, 'must be an absolute http:// or https:// URL');

export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

export const countrySchema = z.enum(COUNTRY_CODES, {
  error: () => `must be one of ${COUNTRY_CODES.join(', ')}`,
});

export const languageSchema = z.enum(KNOWN_LANGUAGES, {
  error: () => `must be a known language code: ${KNOWN_LANGUAGES.join(', ')}`,
});

export const coalitionLanguageSchema = z.enum(COALITION_LANGUAGES, {
  error: () => `must be one of the coalition languages: ${COALITION_LANGUAGES.join(', ')}`,
});

/** An IANA time zone that this Node knows (`Europe/Bucharest`). */
export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, 'must be an IANA time zone like Europe/Bucharest');

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A cron expression as node-cron reads it (5 fields, or 6 with seconds). */
export const cronSchema = z
  .string()
  .refine(isValidCron, 'must be a cron expression like "0 6 * * *" (minute hour day month weekday)');

/** The source text of a regular expression that compiles. */
export const regexSchema = z.string().superRefine((value, context) => {
  try {
    new RegExp(value);
  } catch (error) {
    context.addIssue({
      code: 'custom',
      message: `is not a valid regular expression: ${(error as Error).message}`,
    });
  }
});

/** A term in the syntax of `TermPattern` (config/types.ts). */
export const termPatternSchema = z.string().superRefine((value, context) => {
  const parsed = parseTermPattern(value);
  if (!parsed.ok) context.addIssue({ code: 'custom', message: `bad term: ${parsed.reason}` });
});

/**
 * An object that rejects unknown keys, naming the keys it allows, so that a
 * typo (`feedz:`) is reported instead of silently ignored.
 */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape): z.ZodObject<Shape, z.core.$strict> {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `allowed keys here: ${allowed}` : undefined),
  });
}

/** A value given once per coalition language, each optional. */
export function perLanguage<T extends z.ZodType>(value: T) {
  return strictObject({
    ro: value.exactOptional(),
    pl: value.exactOptional(),
    en: value.exactOptional(),
    ru: value.exactOptional(),
    uk: value.exactOptional(),
  });
}

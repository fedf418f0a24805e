import { parse as parseCron } from 'node-cron';
import { z } from 'zod';
import type { SourceConfig } from '../types.ts';
import {
  coalitionLanguageSchema,
  countrySchema,
  cronSchema,
  DEFAULT_TIME_ZONE_BY_COUNTRY,
  httpUrlSchema,
  idSchema,
  isHttpUrl,
  languageSchema,
  nonEmptyTextSchema,
  regexSchema,
  strictObject,
  timeZoneSchema,
} from './common.ts';

/** Politeness defaults: one request at a time, two seconds apart. */
export const DEFAULT_RATE_LIMIT = { delayMs: 2000, maxConcurrency: 1 } as const;

const sectionSchema = strictObject({
  url: httpUrlSchema,
  linkPattern: regexSchema,
  maxPages: z.int().min(1).max(100).default(1),
  nextPageSelector: nonEmptyTextSchema.exactOptional(),
});

const siteSearchSchema = strictObject({
  urlTemplate: z
    .string()
    .refine((value) => value.includes('{query}'), 'must contain {query}, where each term goes')
    .refine(
      (value) => isHttpUrl(value.replaceAll('{query}', 'q')),
      'must be an absolute http:// or https:// URL',
    ),
  linkPattern: regexSchema,
  languages: z.array(coalitionLanguageSchema).min(1),
  maxQueries: z.int().min(1).max(500).default(30),
});

const discoverySchema = strictObject({
  feeds: z.array(httpUrlSchema).default([]),
  sitemaps: z.array(httpUrlSchema).default([]),
  sections: z.array(sectionSchema).default([]),
  siteSearch: z.array(siteSearchSchema).default([]),
}).refine(
  (discovery) =>
    discovery.feeds.length +
      discovery.sitemaps.length +
      discovery.sections.length +
      discovery.siteSearch.length >
    0,
  'give at least one way to find articles: feeds, sitemaps, sections or siteSearch',
);

const extractionSchema = strictObject({
  since: z.iso.date({ error: 'must be the date the override was written, as YYYY-MM-DD' }),
  title: nonEmptyTextSchema.exactOptional(),
  body: nonEmptyTextSchema.exactOptional(),
  date: nonEmptyTextSchema.exactOptional(),
  author: nonEmptyTextSchema.exactOptional(),
  remove: z.array(nonEmptyTextSchema).exactOptional(),
});

/**
 * One file of `sources/<country>/<id>.yaml`, keys in camelCase as in {@link SourceConfig}.
 * A schedule may run more than once a day only for sources read through feeds,
 * sitemaps and listing pages: site search (one request per topic term) and
 * browser rendering are too heavy for the outlet and for us.
 */
export const sourceFileSchema = strictObject({
  id: idSchema,
  name: nonEmptyTextSchema,
  country: countrySchema,
  languages: z.array(languageSchema).min(1),
  homeUrl: httpUrlSchema,
  timeZone: timeZoneSchema.exactOptional(),
  verified: z.boolean().default(false),
  browser: z.boolean().default(false),
  discovery: discoverySchema,
  schedule: cronSchema.exactOptional(),
  rateLimit: strictObject({
    delayMs: z.int().min(0).max(600_000),
    maxConcurrency: z.int().min(1).max(16),
  }).default(DEFAULT_RATE_LIMIT),
  refreshHours: z.number().min(0).default(0),
  extraction: extractionSchema.exactOptional(),
}).superRefine((source, context) => {
  if (source.schedule === undefined || runsPerDay(source.schedule) <= 1) return;
  const heavy = source.browser
    ? 'browser: true'
    : source.discovery.siteSearch.length > 0
      ? 'siteSearch'
      : null;
  if (heavy === null) return;
  context.addIssue({
    code: 'custom',
    path: ['schedule'],
    message: `runs more than once a day, which only feed, sitemap and section sources may; this source uses ${heavy}: crawl it at most daily (e.g. "0 6 * * *")`,
  });
});

/** Slots per day of a cron expression, counting minutes × hours (the day fields do not matter here). */
function runsPerDay(expression: string): number {
  const fields = parseCron(expression);
  return fields.minute.length * fields.hour.length;
}

export type SourceFile = z.output<typeof sourceFileSchema>;

/** Completes a validated source file: default time zone by country, and the file it came from. */
export function toSourceConfig(parsed: SourceFile, file: string): SourceConfig {
  return {
    ...parsed,
    timeZone: parsed.timeZone ?? DEFAULT_TIME_ZONE_BY_COUNTRY[parsed.country],
    file,
  } satisfies SourceConfig;
}

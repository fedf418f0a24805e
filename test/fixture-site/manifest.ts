import { EN_PAGES } from './content/en-fixture.ts';
import { PL_PAGES } from './content/pl-fixture.ts';
import { RO_PAGES } from './content/ro-fixture.ts';
import { RU_UK_PAGES } from './content/ru-uk-fixture.ts';
import type { FixturePage } from './types.ts';

export type {
  CharsetDeclaration,
  FixtureEncoding,
  PageOrigin,
  ReachedVia,
  TopicId,
} from './types.ts';

/**
 * The expected truth of one article page of the fixture site. Labels
 * (isMigrationRelated, expectedTopics) were decided by reading each text
 * against the definition in DESIGN.md §4: an article is migration-related when
 * its main subject, or a substantial part of it, concerns people moving across
 * borders or living as foreigners; expectedTopics are the topics such an
 * article is substantially about (not every passing mention).
 */
export type ManifestEntry = Omit<FixturePage, 'content'> & {
  /** The outlet that serves the page (`ro-fixture`, `pl-fixture`, `en-fixture`, `ru-uk-fixture`). */
  readonly outletId: string;
};

function entries(outletId: string, pages: readonly FixturePage[]): ManifestEntry[] {
  return pages.map(({ content: _content, ...page }) => ({ outletId, ...page }));
}

/** Every article page of the fixture site, outlet by outlet. */
export const FIXTURE_MANIFEST: readonly ManifestEntry[] = [
  ...entries('ro-fixture', RO_PAGES),
  ...entries('pl-fixture', PL_PAGES),
  ...entries('en-fixture', EN_PAGES),
  ...entries('ru-uk-fixture', RU_UK_PAGES),
];

/** The absolute URL of a manifest page on a running site (`baseUrl` of its outlet). */
export function manifestUrl(
  entry: ManifestEntry,
  outlets: readonly { id: string; baseUrl: string }[],
): string {
  const outlet = outlets.find((candidate) => candidate.id === entry.outletId);
  if (outlet === undefined) throw new Error(`fixture manifest: no running outlet ${entry.outletId}`);
  return `${outlet.baseUrl}${entry.path}`;
}

/**
 * Pages a polite crawler of the outlet's HTML (no browser) should find: all but
 * those disallowed by robots.txt and those linked only from the JavaScript section.
 */
export function isReachableWithoutBrowser(entry: ManifestEntry): boolean {
  return !entry.robotsDisallowed && entry.reachedVia.some((via) => via !== 'js-section');
}

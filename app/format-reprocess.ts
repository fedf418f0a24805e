import type { ArticleChange, ReprocessReport } from './reprocess.ts';

/** Changed articles listed one per line; the rest are counted (`--json` lists all). */
const CHANGES_SHOWN = 20;

/** The reprocess summary for a terminal: counts, then a few changed articles. */
export function formatReprocessReport(report: ReprocessReport): string {
  const { changed } = report;
  const notArticles = Object.entries(report.notArticles)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  const lines = [
    `Reprocessed ${report.pages} archived page(s) into ${report.articles} article(s)` +
      (report.isDryRun ? ' (dry run: nothing written)' : '') +
      (report.interrupted ? ' (interrupted)' : ''),
    ...(notArticles === '' ? [] : [`Not articles: ${notArticles}`]),
    ...(report.unknownSource > 0 ? [`Pages of sources no longer configured: ${report.unknownSource}`] : []),
    `Changed: ${changed.articles} article(s): new tags ${changed.topics}, new dates ${changed.dates}, ` +
      `new language ${changed.languages}, not indexed before ${changed.newArticles}`,
    ...(report.isDryRun
      ? []
      : [`Written: ${report.written.indexed} indexed, ${report.written.spooled} spooled`]),
  ];
  for (const change of report.changes.slice(0, CHANGES_SHOWN)) lines.push(`  ${describeChange(change)}`);
  const more = report.changes.length - CHANGES_SHOWN;
  if (more > 0) lines.push(`  … and ${more} more (--json lists all)`);
  return lines.join('\n');
}

function describeChange(change: ArticleChange): string {
  const parts: string[] = [];
  if (change.isNew) parts.push('new');
  if (change.topicsAdded.length > 0) parts.push(`+${change.topicsAdded.join(' +')}`);
  if (change.topicsRemoved.length > 0) parts.push(`-${change.topicsRemoved.join(' -')}`);
  if (change.publishedAt !== undefined) {
    parts.push(`date ${change.publishedAt.from ?? 'none'} → ${change.publishedAt.to ?? 'none'}`);
  }
  if (change.language !== undefined) parts.push(`language ${change.language.from} → ${change.language.to}`);
  return `${change.url}: ${parts.join(', ')}`;
}

import type { SourceConfig } from '../config/types.ts';
import { COALITION_LANGUAGES } from '../core/languages.ts';
import type { PipelineContext } from '../pipeline/index.ts';

/**
 * The configured source a URL belongs to (same host, ignoring `www.`), or an
 * ad-hoc source named after the host for pages from outlets not configured.
 */
export function sourceForUrl(
  sources: readonly SourceConfig[],
  url: string,
  defaultTimeZone: string,
): PipelineContext['source'] {
  const host = siteOf(url);
  const configured = sources.find((source) => siteOf(source.homeUrl) === host);
  if (configured !== undefined) return configured;
  return {
    id: `unconfigured:${host}`,
    name: host,
    country: 'int',
    languages: COALITION_LANGUAGES,
    timeZone: defaultTimeZone,
  };
}

function siteOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

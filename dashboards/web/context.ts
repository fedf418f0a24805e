import type { ApiMeta } from '../api-types.ts';
import type { Translate, UiLanguage } from './i18n.ts';

/** What every page gets: where to draw, the language, the taxonomy labels and navigation. */
export interface PageContext {
  readonly root: HTMLElement;
  readonly language: UiLanguage;
  readonly t: Translate;
  readonly meta: ApiMeta;
  readonly url: URL;
  /** Goes to a same-site address without reloading (pushState, then render). */
  navigate(href: string, options?: { replace?: boolean; state?: unknown }): void;
}

/** Display names for facet keys: topics, frames, organisations, places and outlets by id. */
export function facetLabel(context: PageContext, facet: string, key: string): string {
  const { meta, language } = context;
  const labelled = (
    list: readonly { id: string; labels: Readonly<Partial<Record<string, string>>> }[],
  ): string => {
    const found = list.find((item) => item.id === key);
    return found?.labels[language] ?? found?.labels.en ?? key;
  };
  switch (facet) {
    case 'topics':
      return labelled(meta.topics);
    case 'frames':
      return labelled(meta.frames);
    case 'organisations':
      return meta.organisations.find((item) => item.id === key)?.name ?? key;
    case 'places':
      return meta.places.find((item) => item.id === key)?.name ?? key;
    case 'sources':
      return meta.sources.find((item) => item.id === key)?.name ?? key;
    case 'languages':
      return languageName(key, language);
    case 'countries':
      return key === 'int' ? 'international' : key.toUpperCase();
    default:
      return key;
  }
}

export function languageName(code: string, language: UiLanguage): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

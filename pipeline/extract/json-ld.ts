import type { Element } from 'domhandler';
import type { DocumentIndex } from './document-index.ts';
import { textContent } from './dom-text.ts';
import { ARTICLE_TYPES } from './vocabulary.ts';

/** What the page's JSON-LD says about its article; fields are absent when it says nothing. */
export interface JsonLdArticle {
  readonly headline?: string;
  readonly description?: string;
  readonly datePublished?: string;
  readonly dateModified?: string;
  readonly authors: readonly string[];
  readonly section?: string;
  readonly keywords: readonly string[];
  readonly inLanguage?: string;
  readonly url?: string;
  readonly publisherName?: string;
  readonly isAccessibleForFree?: boolean;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses one JSON-LD block, repairing what publishers commonly break. */
function parseLenient(text: string): unknown {
  const trimmedText = text.trim();
  // Comment and CDATA wrappers start with `<` or `/` and end with `>`: most blocks are not scanned for them.
  const isWrapped = /^[</]/.test(trimmedText) || trimmedText.endsWith('>');
  const trimmed = isWrapped
    ? trimmedText.replace(/^<!--|-->$/g, '').replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '')
    : trimmedText;
  try {
    return JSON.parse(trimmed);
  } catch {
    // Raw line breaks inside strings, trailing commas, and several objects one after another.
    const repaired = trimmed
      // biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are what breaks the JSON.
      .replace(/[\u0000-\u001f]+/g, ' ')
      .replace(/,\s*([}\]])/g, '$1')
      .replace(/}\s*{/g, '},{');
    try {
      return JSON.parse(repaired.startsWith('{') && repaired.includes('},{') ? `[${repaired}]` : repaired);
    } catch {
      return undefined;
    }
  }
}

/** Every object in a JSON-LD value: arrays, `@graph` and nested `mainEntity` included, breadth-first. */
function flattenNodes(root: unknown): JsonObject[] {
  const nodes: JsonObject[] = [];
  const queue: unknown[] = [root];
  while (queue.length > 0 && nodes.length < 500) {
    const item = queue.shift();
    if (Array.isArray(item)) queue.push(...item);
    else if (isObject(item)) {
      nodes.push(item);
      for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) {
        if (key in item) queue.push(item[key]);
      }
    }
  }
  return nodes;
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.toLowerCase().replace(/^.*[/:]/, ''));
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (isObject(value)) return text(value.name ?? value['@value']);
  return undefined;
}

/** Names in an author value: a string, a Person/Organization, or an array of them. */
function names(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(names);
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (isObject(value)) {
    const name =
      text(value.name) ?? [text(value.givenName), text(value.familyName)].filter(Boolean).join(' ');
    return name ? [name] : [];
  }
  return [];
}

function keywordList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keywordList);
  if (typeof value === 'string')
    return value
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
  return [];
}

const JSON_LD_TYPE = 'application/ld+json';

/** `<script type="application/ld+json">`, the type compared case-insensitively (as the CSS `i` flag does). */
function isJsonLd(element: Element): boolean {
  const type = element.attribs.type;
  return type !== undefined && type.length === JSON_LD_TYPE.length && type.toLowerCase() === JSON_LD_TYPE;
}

/**
 * Reads the first article node (NewsArticle, Article, ReportageNewsArticle,
 * BlogPosting, …) from the page's `application/ld+json` blocks, looking inside
 * arrays and `@graph`. Broken blocks are repaired where possible and otherwise
 * skipped. Returns null when no block describes an article.
 */
export function readJsonLdArticle(document: DocumentIndex): JsonLdArticle | null {
  const nodes: JsonObject[] = [];
  for (const element of document.named('script').filter(isJsonLd)) {
    nodes.push(...flattenNodes(parseLenient(textContent(element))));
  }
  const article = nodes.find((node) => typesOf(node).some((type) => ARTICLE_TYPES.has(type)));
  if (article === undefined) return null;
  const fields: Record<string, string | boolean | undefined> = {
    headline: text(article.headline) ?? text(article.name),
    description: text(article.description),
    datePublished: text(article.datePublished) ?? text(article.dateCreated),
    dateModified: text(article.dateModified),
    section: text(article.articleSection),
    inLanguage: text(article.inLanguage),
    url: text(article.url),
    publisherName:
      text(article.publisher) ?? text(nodes.find((n) => typesOf(n).includes('newsmediaorganization'))),
    isAccessibleForFree:
      typeof article.isAccessibleForFree === 'boolean'
        ? article.isAccessibleForFree
        : typeof article.isAccessibleForFree === 'string'
          ? article.isAccessibleForFree.toLowerCase() !== 'false'
          : undefined,
  };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return {
    ...defined,
    authors: names(article.author ?? article.creator),
    keywords: keywordList(article.keywords),
  } as JsonLdArticle;
}

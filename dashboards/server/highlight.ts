/** A run of text, marked when it matched the query or a tagging term. Always plain text, never markup. */
export interface TextSegment {
  readonly text: string;
  readonly mark: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
  '&#x2F;': '/',
  '&#39;': "'",
};

/**
 * Turns a highlight fragment from Elasticsearch's html encoder (text escaped,
 * matches in `<em>…</em>`) into plain-text segments, so the browser never
 * parses markup: it shows each segment with textContent. Only the encoder's
 * own escapes are decoded, once; anything else stays as literal text.
 */
export function segmentsFromHighlight(fragment: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let mark = false;
  for (const part of fragment.split(/(<em>|<\/em>)/)) {
    if (part === '<em>') mark = true;
    else if (part === '</em>') mark = false;
    else if (part !== '')
      segments.push({ text: part.replace(/&(?:amp|lt|gt|quot|#x27|#x2F|#39);/g, decode), mark });
  }
  return mergeSegments(segments);
}

/**
 * Marks every occurrence of the given phrases in a text (case-insensitive,
 * longest phrase first): why an article was tagged, shown in its own words.
 */
export function markTerms(text: string, phrases: readonly string[]): TextSegment[] {
  const unique = [...new Set(phrases.map((phrase) => phrase.trim()).filter((phrase) => phrase.length > 1))];
  if (unique.length === 0 || text === '') return text === '' ? [] : [{ text, mark: false }];
  unique.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(unique.map(escapeRegExp).join('|'), 'giu');
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    // Whole words only: a phrase that starts or ends with a letter must not continue a longer word.
    if (isWordChar(match[0].charAt(0)) && !isWordEdge(text, start - 1)) continue;
    if (isWordChar(match[0].charAt(match[0].length - 1)) && !isWordEdge(text, end)) continue;
    if (start > last) segments.push({ text: text.slice(last, start), mark: false });
    segments.push({ text: match[0], mark: true });
    last = end;
  }
  if (last < text.length) segments.push({ text: text.slice(last), mark: false });
  return segments;
}

/** A body split into paragraphs (blank lines), each marked with the phrases. */
export function markParagraphs(body: string, phrases: readonly string[]): TextSegment[][] {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => markTerms(paragraph, phrases));
}

function decode(entity: string): string {
  return ENTITIES[entity] ?? entity;
}

function mergeSegments(segments: readonly TextSegment[]): TextSegment[] {
  const merged: TextSegment[] = [];
  for (const segment of segments) {
    const previous = merged.at(-1);
    if (previous !== undefined && previous.mark === segment.mark) {
      merged[merged.length - 1] = { text: previous.text + segment.text, mark: segment.mark };
    } else merged.push(segment);
  }
  return merged;
}

function isWordEdge(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return true;
  return !isWordChar(text.charAt(index));
}

function isWordChar(char: string): boolean {
  return /[\p{L}\p{N}]/u.test(char);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import type { Element } from 'domhandler';
import { parseTextDate } from './dates.ts';
import type { DocumentIndex, ElementFacts } from './document-index.ts';
import { parseClockTime, parseRelativeDate } from './relative-dates.ts';
import { boundedText } from './text-measures.ts';
import { AUTHOR_ATTRIBUTE, DATE_ATTRIBUTE, MODIFIED_MARKER, STANDFIRST_ATTRIBUTE } from './vocabulary.ts';

/** Longest text of an element still read as a byline or a date line. */
const MAX_LINE_CHARS = 160;
/** How many date-looking elements are tried before giving up. */
const MAX_DATE_ELEMENTS = 40;

/** Dates printed on the page (not declared in metadata). */
export interface VisibleDates {
  readonly published: string | null;
  readonly modified: string | null;
}

/**
 * Reads the publication and modification dates printed in the page's date or
 * byline elements, in the page's time zone. A line marked "updated",
 * "actualizat", "zaktualizowano", "обновлено"… only ever gives the
 * modification date. Relative dates ("acum 3 ore") are read against
 * `fetchedAt`. A day and month without a year ("26 февраля, 14:05") or a bare
 * clock time ("14:05", today) give the publication date only when no element
 * prints a full one (on an archive page a side box may show this year's dates
 * next to the article's full one), and never the modification date (whose
 * year cannot be told from the fetch time on a page updated long after it was
 * published). Call before boilerplate removal: bylines often sit in headers.
 */
export function readVisibleDates(document: DocumentIndex, timeZone: string, fetchedAt: string): VisibleDates {
  const lines = dateLines(document);
  const full = scanDates(lines, (text) => readDate(text, timeZone, fetchedAt, false));
  if (full.published !== null) return full;
  const yearless = scanDates(lines, (text) => readDate(text, timeZone, fetchedAt, true));
  return { published: yearless.published, modified: full.modified };
}

/** The text of a date element, and whether its class or id marks it as the modification date. */
interface DateLine {
  readonly text: string;
  readonly isModified: boolean;
}

/** The texts of the first date-looking elements: `<time>`, or a class or id that says date. */
function dateLines(document: DocumentIndex): DateLine[] {
  const lines: DateLine[] = [];
  const { elements, facts } = document;
  let tried = 0;
  for (let index = 0; index < elements.length && tried < MAX_DATE_ELEMENTS * 5; index += 1) {
    const element = elements[index] as Element;
    const { signature, hasClassOrId } = facts[index] as ElementFacts;
    const isDateElement =
      element.type === 'tag' && (element.name === 'time' || (hasClassOrId && DATE_ATTRIBUTE.test(signature)));
    if (!isDateElement) continue;
    tried += 1;
    const text = boundedText(element, document.measures.of(element), MAX_LINE_CHARS);
    if (text !== null && text !== '') lines.push({ text, isModified: MODIFIED_MARKER.test(signature) });
  }
  return lines;
}

/** The first publication and modification dates `read` finds in the lines. */
function scanDates(lines: readonly DateLine[], read: (text: string) => string | null): VisibleDates {
  let published: string | null = null;
  let modified: string | null = null;
  for (const { text, isModified } of lines) {
    // "12 martie 2024, 14:05 · Actualizat: 13 martie 2024": before the marker is publication, after it modification.
    const marker = MODIFIED_MARKER.exec(text);
    const before = marker === null ? text : text.slice(0, marker.index);
    const after = marker === null ? '' : text.slice(marker.index);
    if (!isModified) published ??= read(before);
    modified ??= read(isModified ? text : after);
    if (published !== null && modified !== null) break;
  }
  return { published, modified };
}

function readDate(
  text: string,
  timeZone: string,
  fetchedAt: string,
  isYearlessAllowed: boolean,
): string | null {
  if (text.trim() === '') return null;
  if (isYearlessAllowed)
    return parseTextDate(text, timeZone, fetchedAt) ?? parseClockTime(text, fetchedAt, timeZone);
  return parseTextDate(text, timeZone) ?? parseRelativeDate(text, fetchedAt, timeZone);
}

/** Byline texts from `rel=author` links and elements whose class or id says author/byline. */
export function readBylines(document: DocumentIndex): string[] {
  const lines: string[] = [];
  const { elements, facts } = document;
  for (let index = 0; index < elements.length && lines.length < 10; index += 1) {
    const element = elements[index] as Element;
    const { signature, hasClassOrId, isAuthorLink } = facts[index] as ElementFacts;
    if (element.type !== 'tag') continue;
    const isByline = isAuthorLink || (hasClassOrId && AUTHOR_ATTRIBUTE.test(signature));
    if (!isByline) continue;
    const text = boundedText(element, document.measures.of(element), MAX_LINE_CHARS);
    if (text !== null && text !== '') lines.push(text);
  }
  return lines;
}

/** The text of the first standfirst element (class lead, standfirst, intro, summary…), or null. */
export function readStandfirst(document: DocumentIndex): string | null {
  const { elements, facts } = document;
  for (let index = 0; index < elements.length; index += 1) {
    const element = elements[index] as Element;
    const elementFacts = facts[index] as ElementFacts;
    if (!mayBeStandfirst(element, elementFacts) || !STANDFIRST_ATTRIBUTE.test(elementFacts.signature))
      continue;
    const text = boundedText(element, document.measures.of(element), 800);
    if (text !== null && text.length >= 40) return text;
  }
  return null;
}

/** The elements a standfirst is looked for in: `p[class], div[class], h2[class], p[id], div[id]`. */
function mayBeStandfirst(element: Element, facts: ElementFacts): boolean {
  const { name } = element;
  if (name === 'p' || name === 'div') return facts.hasClassOrId;
  return name === 'h2' && element.attribs.class !== undefined;
}

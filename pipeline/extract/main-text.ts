import type { AnyNode, Element } from 'domhandler';
import {
  allElements,
  attributeSignature,
  isElement,
  linkDensity,
  squeeze,
  squeezedLength,
  type TextStats,
} from './dom-text.ts';
import type { TreeMeasures } from './text-measures.ts';
import { ARTICLE_ATTRIBUTE, CROSS_LINK_PREFIX, INTERFACE_LINE } from './vocabulary.ts';

/** Scoring knobs of the main-text finder (a lighter cousin of Readability's). */
const SCORING = {
  /** A text block shorter than this does not vote for its container. */
  minBlockChars: 25,
  /** A block more linked than this is navigation and does not vote. */
  maxBlockLinkDensity: 0.5,
  /** Each full 100 characters adds a point, up to this many. */
  maxLengthPoints: 3,
  /** Bonus for a container whose class/id says "article body". */
  articleAttributeBonus: 25,
  /** A sibling of the best container joins it when its score reaches this share of the best score. */
  siblingShare: 0.2,
  /** A `<p>` sibling of the best container with this much text (and few links) joins it. */
  siblingParagraphChars: 80,
  /** Another element with the best container's tag and first class joins it at this share of the best score. */
  chunkShare: 0.1,
  /** Paragraph blocks whose text is more linked than this are dropped from the output. */
  maxOutputLinkDensity: 0.5,
  /** A block starting like "read also" is dropped only when shorter than this. */
  maxCrossLinkChars: 300,
} as const;

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'dl',
  'dt',
  'dd',
  'figure',
  'br',
  'hr',
  'address',
  'center',
]);
const VOTING_TAGS = new Set(['p', 'pre', 'blockquote', 'td', 'li', 'h2', 'h3']);
const HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/** Elements whose text votes for their containers (those of {@link VOTING_TAGS} always, the others with text of their own). */
const VOTER_TAGS = new Set(['p', 'pre', 'blockquote', 'td', 'li', 'h2', 'h3', 'div', 'section']);

/** One paragraph, subheading or list item of the main text. */
export interface TextBlock {
  readonly text: string;
  readonly kind: 'paragraph' | 'heading' | 'list-item';
}

/** A deadline check the caller supplies; returns true when time is up. */
export type IsOverTime = () => boolean;

function hasDirectText(element: Element): boolean {
  return element.children.some((child) => child.type === 'text' && child.data.trim().length > 40);
}

function blockScore(stats: TextStats): number {
  return 1 + stats.commas + Math.min(Math.floor(stats.length / 100), SCORING.maxLengthPoints);
}

function baseScore(element: Element): number {
  const signature = attributeSignature(element);
  let score =
    ARTICLE_ATTRIBUTE.test(signature) || /articleBody/i.test(signature) ? SCORING.articleAttributeBonus : 0;
  if (element.name === 'article') score += 10;
  return score;
}

/**
 * Scores containers by the text blocks they hold (length, commas; a block's
 * parent gets its full score, the grandparent half, the next a third) and
 * returns the best one with those of its siblings that score close to it, in
 * document order. Returns [] when nothing votes or time runs out. The
 * `removed` subtrees are left out; `measures` measure the tree without them.
 */
export function findMainContainers(
  root: AnyNode | undefined,
  measures: TreeMeasures,
  removed: ReadonlySet<AnyNode>,
  isOverTime: IsOverTime,
): Element[] {
  const scores = new Map<Element, number>();
  const statsOf = (element: Element): TextStats => measures.of(element);
  const voters = (root === undefined ? [] : allElements(root, removed)).filter((element) =>
    VOTER_TAGS.has(element.name),
  );
  for (const [index, element] of voters.entries()) {
    if (index % 500 === 0 && isOverTime()) return [];
    if (!VOTING_TAGS.has(element.name) && !hasDirectText(element)) continue;
    const stats = statsOf(element);
    if (stats.length < SCORING.minBlockChars || linkDensity(stats) > SCORING.maxBlockLinkDensity) continue;
    const points = blockScore(stats);
    let ancestor = element.parent;
    for (let level = 1; level <= 3 && ancestor !== null && ancestor.type === 'tag'; level += 1) {
      scores.set(ancestor, (scores.get(ancestor) ?? baseScore(ancestor)) + points / level);
      ancestor = ancestor.parent;
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    const adjusted = score * (1 - linkDensity(statsOf(element)));
    scores.set(element, adjusted);
    if (adjusted > bestScore) [best, bestScore] = [element, adjusted];
  }
  if (best === null) return [];
  const chosen = best;
  const siblings = (chosen.parent?.children.filter(isElement) ?? [chosen]).filter(
    (sibling) =>
      sibling === chosen ||
      (!removed.has(sibling) &&
        ((scores.get(sibling) ?? 0) >= bestScore * SCORING.siblingShare ||
          isSiblingParagraph(measures.of(sibling), sibling))),
  );
  return addChunks(siblings, chosen, scores, bestScore);
}

/** A paragraph next to the best container (a lead or first paragraph printed outside it) joins it. */
function isSiblingParagraph(stats: TextStats, element: Element): boolean {
  if (element.name !== 'p') return false;
  return stats.length >= SCORING.siblingParagraphChars && linkDensity(stats) < 0.25;
}

function firstClass(element: Element): string {
  return element.attribs.class?.trim().split(/\s+/)[0] ?? '';
}

function isInside(element: Element, ancestor: Element): boolean {
  for (let node = element.parent; node !== null; node = node.parent) if (node === ancestor) return true;
  return false;
}

function pathOf(node: AnyNode): number[] {
  const path: number[] = [];
  for (let current = node; current.parent !== null; current = current.parent)
    path.push(current.parent.children.indexOf(current as never));
  return path.reverse();
}

function documentOrder(a: Element, b: Element): number {
  const [pathA, pathB] = [pathOf(a), pathOf(b)];
  for (let i = 0; i < Math.min(pathA.length, pathB.length); i += 1)
    if (pathA[i] !== pathB[i]) return (pathA[i] ?? 0) - (pathB[i] ?? 0);
  return pathA.length - pathB.length;
}

/**
 * Sites that cut one article into chunks (between ads, embeds or section
 * wrappers) repeat the body container's tag and class for each chunk: the
 * other elements with the best container's tag and first class join it when
 * they score at least {@link SCORING}.chunkShare of the best score.
 */
function addChunks(
  chosen: readonly Element[],
  best: Element,
  scores: ReadonlyMap<Element, number>,
  bestScore: number,
): Element[] {
  const className = firstClass(best);
  if (className === '') return [...chosen];
  const chunks = [...scores].filter(
    ([element, score]) =>
      element !== best &&
      element.name === best.name &&
      firstClass(element) === className &&
      score >= bestScore * SCORING.chunkShare,
  );
  if (chunks.length === 0) return [...chosen];
  const all = [...chosen, ...chunks.map(([element]) => element)];
  return all
    .filter((element, index) => all.indexOf(element) === index)
    .filter((element) => !all.some((other) => other !== element && isInside(element, other)))
    .sort(documentOrder);
}

function keepBlock(text: string, linkChars: number, kind: TextBlock['kind']): boolean {
  if (text === '' || INTERFACE_LINE.test(text)) return false;
  if (text.length < SCORING.maxCrossLinkChars && CROSS_LINK_PREFIX.test(text)) return false;
  const density = linkChars / text.length;
  return kind === 'heading' ? density < 0.9 : density <= SCORING.maxOutputLinkDensity;
}

/**
 * The paragraphs, subheadings and list items under `roots`, in document order:
 * text is cut into blocks at every block-level element and `<br>`. Blocks that
 * are interface text, "read also" cross-links or mostly links are dropped, and
 * so is the `<h1>` (the title is a field of its own). The `removed` subtrees
 * are left out. A block's kind is that of the elements around its first text.
 */
export function collectBlocks(roots: readonly Element[], removed: ReadonlySet<AnyNode>): TextBlock[] {
  const blocks: TextBlock[] = [];
  let pieces: string[] = [];
  let linkChars = 0;
  let kind: TextBlock['kind'] | 'title' = 'paragraph';
  // How many open elements are titles, subheadings and list items: counters instead of a stack of names.
  let titles = 0;
  let headings = 0;
  let listItems = 0;
  const flush = (): void => {
    if (pieces.length === 0) return;
    const text = squeeze(pieces.join(''));
    if (kind !== 'title' && keepBlock(text, linkChars, kind)) blocks.push({ text, kind });
    pieces = [];
    linkChars = 0;
  };
  const visit = (node: AnyNode, inLink: boolean): void => {
    if (node.type === 'text') {
      if (pieces.length === 0) {
        kind = titles > 0 ? 'title' : headings > 0 ? 'heading' : listItems > 0 ? 'list-item' : 'paragraph';
      }
      pieces.push(node.data);
      if (inLink) linkChars += squeezedLength(node.data);
      return;
    }
    if (node.type !== 'tag' || removed.has(node)) return;
    const { name } = node;
    const isBlock = BLOCK_TAGS.has(name);
    if (isBlock) flush();
    const isTitle = name === 'h1';
    const isHeading = HEADING_TAGS.has(name);
    const isListItem = name === 'li';
    if (isTitle) titles += 1;
    if (isHeading) headings += 1;
    if (isListItem) listItems += 1;
    for (const child of node.children) visit(child, inLink || name === 'a');
    if (isTitle) titles -= 1;
    if (isHeading) headings -= 1;
    if (isListItem) listItems -= 1;
    if (isBlock) flush();
  };
  for (const root of roots) visit(root, false);
  flush();
  return blocks;
}

/** Joins blocks into the body format of {@link ExtractedArticle}: one blank line between blocks. */
export function blocksToText(blocks: readonly TextBlock[]): string {
  return blocks.map((block) => block.text).join('\n\n');
}

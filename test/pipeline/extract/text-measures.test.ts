import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { allElements, squeeze } from '../../../pipeline/extract/dom-text.ts';
import { boundedText, measureTree, measureWithout } from '../../../pipeline/extract/text-measures.ts';

/** Text nodes' data under `node`, script and style left out (what a measure reads). */
function rawText(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag' && node.type !== 'root') return '';
  return node.children.map(rawText).join('');
}

/** Characters inside `<a>` elements under `node` (the node itself included), each text node squeezed on its own. */
function linkChars(node: AnyNode, inLink = false): number {
  if (node.type === 'text') return inLink ? squeeze(node.data).length : 0;
  if (node.type !== 'tag' && node.type !== 'root') return 0;
  const isLink = inLink || (node.type === 'tag' && node.name === 'a');
  return node.children.reduce((sum, child) => sum + linkChars(child, isLink), 0);
}

/** What each element's measure must say, read the slow way. */
function expected(node: AnyNode): Record<string, number> {
  const text = squeeze(rawText(node));
  return {
    length: text.length,
    commas: (text.match(/[,،，]/g) ?? []).length,
    linkChars: linkChars(node),
    gaps: text === '' ? 0 : text.split(' ').length - 1,
    rawLength: rawText(node).length,
  };
}

function measured(measure: Record<string, unknown>): Record<string, unknown> {
  const { length, commas, linkChars, gaps, rawLength } = measure;
  return { length, commas, linkChars, gaps, rawLength };
}

const PAGE = `<html><head><title> A  title </title><script>var x = "not, text";</script></head><body>
  <div id="page">  <p>First,   paragraph\u00a0with <a href="/a">a link,
  here</a>and\u200btext. </p><p></p><p>   </p>
  <ul><li><a href="/b"> one </a></li><li>two,<b>three</b> </li></ul>
  <div class="share">Share <a href="/s">this</a></div><style>.a{}</style>
  <a href="/c"><span>nested</span> <a href="/d">link</a></a> end</div></body></html>`;

describe('measureTree', () => {
  const $ = load(PAGE);
  const root = $.root()[0] as AnyNode;

  it('measures every element as squeeze would read its text, without the text of script and style', () => {
    const measures = measureTree(root);
    for (const node of [root, ...allElements(root)]) {
      expect(measured({ ...measures.of(node) }), `<${'name' in node ? node.name : 'root'}>`).toEqual(
        expected(node),
      );
    }
  });

  it('shows every element to the visitor in document order', () => {
    const seen: Element[] = [];
    measureTree(root, (element) => seen.push(element));
    expect(seen).toEqual(allElements(root));
  });
});

describe('measureWithout', () => {
  it('measures the tree as if the removed subtrees were gone', () => {
    const $ = load(PAGE);
    const root = $.root()[0] as AnyNode;
    const removed = new Set<AnyNode>([...$('div.share, li:first-child, style').toArray()]);
    const pruned = measureWithout(measureTree(root), removed);
    const kept = allElements(root, removed);
    $([...removed]).remove();
    for (const node of [root, ...kept]) expect(measured({ ...pruned.of(node) })).toEqual(expected(node));
    for (const node of removed) expect(pruned.of(node).length).toBe(0);
  });
});

describe('boundedText', () => {
  const $ = load('<p>  short   line </p><p>a longer line of text</p>');
  const [short, long] = $('p').toArray();
  const measures = measureTree($.root()[0] as AnyNode);

  it('gives the squeezed text of a short element', () => {
    expect(boundedText(short as Element, measures.of(short as Element), 10)).toBe('short line');
  });

  it('gives null for an element whose text is longer than the bound', () => {
    expect(boundedText(long as Element, measures.of(long as Element), 10)).toBeNull();
  });
});

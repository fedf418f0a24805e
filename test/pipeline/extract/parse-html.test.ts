import { load } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { MIN_CUT_CHARS, parseHtml } from '../../../pipeline/extract/parse-html.ts';

/** The tree as text: every node's type, name, attributes and data, and the links between siblings and parents. */
function describeTree(node: AnyNode): string {
  if (!('children' in node)) return `${node.type}(${JSON.stringify(node.data)})`;
  node.children.forEach((child, index) => {
    expect(child.parent).toBe(node);
    expect(child.prev).toBe(node.children[index - 1] ?? null);
    expect(child.next).toBe(node.children[index + 1] ?? null);
  });
  const name = 'name' in node ? node.name : '';
  const attributes = 'attribs' in node ? JSON.stringify(node.attribs) : '';
  return `${node.type}:${name}${attributes}[${node.children.map(describeTree).join(',')}]`;
}

function treeOf($: ReturnType<typeof load>): string {
  const root = $.root()[0];
  if (root === undefined) throw new Error('no root');
  return describeTree(root);
}

const wholeParse = (html: string): string =>
  treeOf(load(html, { xml: { xmlMode: false, decodeEntities: true } }));

/** Raw text long enough to be cut. */
const code = `var page = { html: "<p>not a paragraph</p>", ok: a < b && c > d }; ${'x'.repeat(MIN_CUT_CHARS)}`;

describe('parseHtml (script and style contents cut before parsing and put back)', () => {
  const pages: Record<string, string> = {
    'a page with scripts, styles and JSON-LD': `<html><head><style>body { color: red } ${'p{}'.repeat(60)}</style><script type="application/ld+json">{"@type":"NewsArticle","headline":"${'h'.repeat(200)}"}</script></head><body><script>${code}</script><p>Text</p></body></html>`,
    'upper-case and spaced closing tags': `<SCRIPT>${code}</SCRIPT\n><p>after</p><style>${code}</style ><p>end</p>`,
    'a closing-tag look-alike inside the script': `<script>${code}</scripts></script-x><\\/script></script><p>after</p>`,
    'a commented-out script': `<!-- <script>${code}</script> --><p>a</p><script>${code}</script><!--->${code}<!-->`,
    'a comment opening a script that a later tag closes': `<div><!-- <script> -->${code}</script><p>a</p></div>`,
    'a quoted > in the start tag': `<script data-x="a>b" data-y='c>d'>${code}</script><p>p</p>`,
    'self-closing scripts, in and out of SVG': `<svg><script/>${code}<p>in</p></script></svg><script />${code}<b>x</b></script><p>after</p>`,
    'a script inside a textarea and a title': `<title><script>${code}</title></script><textarea><script>${code}</textarea><p>t</p></script>`,
    'a script start tag inside an attribute value': `<div data-embed="<script>${code}</script>">q</div><p>r</p>`,
    'a script that never ends': `<p>a</p><script>${code}`,
    'a short script (left in place)': '<script>var a = 1;</script><p>short</p>',
  };
  for (const [name, html] of Object.entries(pages)) {
    it(`builds the same tree as parsing the whole page: ${name}`, () => {
      expect(treeOf(parseHtml(html))).toBe(wholeParse(html));
    });
  }

  it('keeps the text of scripts, so that JSON-LD can be read', () => {
    const json = `{"@type":"NewsArticle","headline":"${'A headline '.repeat(20)}"}`;
    const $ = parseHtml(`<script type="application/ld+json">${json}</script><p>body</p>`);
    expect($('script').text()).toBe(json);
  });
});

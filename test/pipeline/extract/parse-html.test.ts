import type { AnyNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../pipeline/extract/parse-html.ts';
import { prepareHtml } from '../../../pipeline/extract/prepare-html.ts';

/** The tree as text: every node's type, name, attributes in order and data, and the links between siblings and parents. */
function describeTree(node: AnyNode): string {
  const data = 'data' in node ? JSON.stringify(node.data) : '';
  if (!('children' in node)) return `${node.type}${'name' in node ? `:${node.name}` : ''}(${data})`;
  node.children.forEach((child, index) => {
    expect(child.parent).toBe(node);
    expect(child.prev).toBe(node.children[index - 1] ?? null);
    expect(child.next).toBe(node.children[index + 1] ?? null);
  });
  const name = 'name' in node ? node.name : '';
  const attributes = 'attribs' in node ? JSON.stringify(Object.entries(node.attribs)) : '';
  return `${node.type}:${name}${attributes}[${node.children.map(describeTree).join(',')}]`;
}

const LIMITS = { maxChars: 1_000_000, maxDepth: 400 };

function parsed(html: string, limits = LIMITS): string {
  const root = parseHtml(prepareHtml(html, limits)).root()[0];
  if (root === undefined) throw new Error('no root');
  return describeTree(root);
}

const htmlparser2 = (html: string): string =>
  describeTree(parseDocument(html, { xmlMode: false, decodeEntities: true }));

const script = 'var page = { html: "<p>not a paragraph</p>", ok: a < b && c > d };';

/** Pages for each rule of htmlparser2's that parseHtml must follow, by rule. */
const RULES: Record<string, string[]> = {
  'implied closes': [
    '<p>one<p>two<div>block</div><p>three<h2>head</h2>',
    '<ul><li>a<li>b<li>c</ul><ol><li><p>x<li>y</ol>',
    '<table><thead><tr><th>h<th>i<tbody><tr><td>1<td>2<tr><td>3</table>',
    '<dl><dt>t<dd>d<dt>u</dl><select><option>a<option>b<optgroup><option>c</select>',
    '<head><link rel=x><script>a</script><body><p>b',
    '<p>a<input name=q><p>b<hr>c<ruby>x<rt>1<rp>2<rt>3</ruby>',
  ],
  'closing tags': [
    '<div><span><b>deep</div>after',
    'a</span>b</p>c</br>d</img>e',
    '<div>x</ div>y</div\n>z</DIV foo="bar">w',
    '<p>a</>b</3>c<//>d</ >e',
  ],
  'void elements and self-closing tags': [
    '<img src=a.png><br><br/><meta charset=utf-8><input/>text<div/>inside</div>',
    '<svg><path d="M0"/><circle/><title/>t</svg><p/>open',
    '<math><mi>x<mo/>y</mi></math><svg><foreignObject><div/>html</foreignObject></svg>',
    '<svg/><p>after</p><math/><b>x</b>',
  ],
  'raw text: script, style, title, textarea, xmp': [
    `<script>${script}</script><style>p > a { color: red }</style><p>after`,
    `<SCRIPT type=x>${script}</SCRIPT\n><p>a</p><style>${script}</style >`,
    `<script>${script}</scripts></script-x><\\/script></script><p>after</p>`,
    '<title>A &amp; B <b>not bold</b></title><textarea>&amp; <p>raw</textarea><xmp><i>x</i></xmp>',
    '<title>a </t&amp; </tit&amp;le &amp; </title>',
    `<script/>${script}<p>in</p></script><script />x`,
    `<p>a</p><script>${script}`,
    '<title>never closed &amp; on',
  ],
  'attributes and entities': [
    '<a HREF="/x?a=1&amp;b=2&copy=3" title=\'it&apos;s\' data-x=un&amp;quoted>&lt;&gt; &amp &copy; &#169; &#xA9; &notit; &#128;</a>',
    '<div class=a class=b id = "i" hidden data-a=1/ data-b="2"data-c>x</div>',
    '<a =x "y"=z \'q\' href=a>b</a><p title="a>b" lang=\'c>d\'>e</p>',
    '<p attr="&amp">x</p><p attr="&ampx">y</p><p attr="&amp=">z</p><p attr=&lt;>w</p>',
    'a &amp b &am c & d &#; e &#x; f &;',
  ],
  'comments, doctype, CDATA and instructions': [
    '<!DOCTYPE html><!-- a comment --><html><!----><!---><!--->x<!-- - -- --></html>',
    '<![CDATA[x<y]]><!-x>y<!>z<?xml version="1.0"?><!doctype HTML PUBLIC "x">',
    '<![CDAT x>y<![CDATA[unterminated',
    '<p>a</p><!-- never closed <div>',
  ],
  'pages cut short': [
    '<p>a <a href="https://news.ex',
    '<p>a <b',
    '<p>a</p foo',
    '<p>a</p',
    '<p>a<!',
    '<p>a<!-',
    '<p>a<!-x',
    '<p>a<![CD',
    '<p>a<?php echo',
    '<p>a</ ',
    '<p>a</3',
    '<p>a<',
    '<p>a &amp',
    '<div x="1" y',
    '',
  ],
};

describe('parseHtml builds the tree htmlparser2 builds', () => {
  for (const [rule, pages] of Object.entries(RULES)) {
    for (const html of pages) {
      it(`${rule}: ${JSON.stringify(html.slice(0, 70))}`, () => {
        expect(parsed(html)).toBe(htmlparser2(html));
      });
    }
  }

  it('keeps the text of scripts, so that JSON-LD can be read', () => {
    const json = `{"@type":"NewsArticle","headline":"${'A headline '.repeat(20)}"}`;
    const $ = parseHtml(
      prepareHtml(`<script type="application/ld+json">${json}</script><p>body</p>`, LIMITS),
    );
    expect($('script').text()).toBe(json);
  });
});

describe('prepareHtml and the nesting cap', () => {
  const limits = { maxChars: 1_000_000, maxDepth: 3 };

  it('drops opening tags nested deeper than maxDepth, with their closing tags, and keeps their text', () => {
    const html = '<div><section><article><div>four<div>five</div></div>three</article></section></div>';
    expect(parsed(html, limits)).toBe(
      htmlparser2('<div><section><article>fourfivethree</article></section></div>'),
    );
  });

  it('does not count void elements, implicitly closed ones or tags written with />', () => {
    const html = '<div><ul><li><p><img><br><span/>x<section>in</section></ul></div>';
    expect(parsed(html, limits)).toBe(htmlparser2(html));
  });

  it('drops a raw-text element too deep as a tag, and reads its content as markup', () => {
    const html = '<b><i><u><script>a<br>b</script></u></i></b>';
    expect(parsed(html, limits)).toBe(htmlparser2('<b><i><u>a<br>b</u></i></b>'));
  });

  it('cuts the page to maxChars and removes NUL characters', () => {
    expect(parsed('<p>a\u0000b</p><p>cut here', { maxChars: 14, maxDepth: 3 })).toBe(
      htmlparser2('<p>ab</p><p>c'),
    );
  });

  it('parses a million nested elements without overflowing the stack', () => {
    const html = `${'<div>'.repeat(1_000_000)}deep${'</div>'.repeat(1_000_000)}`;
    const $ = parseHtml(prepareHtml(html, { maxChars: 20_000_000, maxDepth: 400 }));
    expect($('div').length).toBe(400);
    expect($.root().text()).toBe('deep');
  });
});

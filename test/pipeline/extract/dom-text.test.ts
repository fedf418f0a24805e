import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { allElements, textContent } from '../../../pipeline/extract/dom-text.ts';

const PAGE = `<html><head><title>A &amp; B</title><script type="application/ld+json">{"a": "<b>"}</script>
  <style>.x{}</style></head><body><!-- a comment --><div>One <b>two</b><![CDATA[ cdata ]]>
  <?php echo 1 ?><p>three&nbsp;four</p><template><i>five</i></template></div></body></html>`;

describe('textContent', () => {
  const $ = load(PAGE);

  it("reads every node's text as cheerio's .text() does: script and style included, comments left out", () => {
    const root = $.root()[0];
    if (root === undefined) throw new Error('no root');
    for (const node of [root, ...allElements(root)]) {
      expect(textContent(node), 'name' in node ? node.name : 'root').toBe($(node).text());
    }
  });
});

import { Comment, Document, Element, type ParentNode, ProcessingInstruction, Text } from 'domhandler';

/**
 * The tree half of parsing: what htmlparser2's Parser (HTML mode) and
 * domhandler's DomHandler do with the tokens of a page, fused into one class
 * that builds the same domhandler nodes. The tokens come from scan-html.ts.
 *
 * The Parser's rules kept here: an opening tag closes the open elements its
 * name implies (`<p>` by a block, `<li>` by `<li>`…), void elements never
 * hold children, a closing tag closes every element opened after the one it
 * names (and is ignored when none is open, except `</p>` and `</br>`, which
 * make an empty element), `/>` closes an element only in foreign content
 * (svg, math), and consecutive text joins into one node.
 */

const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const TABLE_SECTION = new Set(['thead', 'tbody']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);
const BLOCKS_CLOSING_P = [
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div'],
  ...['dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol'],
  ...['p', 'pre', 'section', 'table', 'ul'],
];

/** htmlparser2's `openImpliesClose`: the open elements (from the innermost out) that an opening tag closes. */
const IMPLIED_CLOSES = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ...BLOCKS_CLOSING_P.map((name): [string, ReadonlySet<string>] => [name, P]),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map(
    (name): [string, ReadonlySet<string>] => [name, FORM],
  ),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ['rt', RT_RP],
  ['rp', RT_RP],
  ['tbody', TABLE_SECTION],
  ['tfoot', TABLE_SECTION],
]);

/** htmlparser2's void elements: closed as soon as they open. */
export const PARSER_VOID_ELEMENTS: ReadonlySet<string> = new Set([
  ...['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input'],
  ...['isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'],
]);

const FOREIGN_ELEMENTS = new Set(['math', 'svg']);
const HTML_INTEGRATION_ELEMENTS = new Set([
  ...['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title'],
]);
/** htmlparser2's end of a processing instruction's name (JavaScript white space, or `/`). */
const INSTRUCTION_NAME_END = /\s|\//;

/**
 * Children arrays are copied from this one instead of made by domhandler's
 * `children = []`: V8 tracks where each array literal is allocated and, when
 * most arrays of a site are alive at a young-generation collection (a page's
 * elements are, mid-page), allocates that site's arrays straight in the old
 * generation from then on. Old arrays that point to young nodes keep every
 * tree alive until a full collection: that happened on some runs and not
 * others, and garbage collection then took a fifth of extraction's time.
 * `slice` allocates without that tracking.
 */
const NO_NODES: readonly (Element | Text)[] = [];

/** Builds a domhandler tree from tokens, as htmlparser2's Parser and DomHandler would. */
export class TreeBuilder {
  readonly document: Document = new Document([]);
  /** Open elements, innermost last. */
  private readonly open: Element[] = [];
  /**
   * How many elements of each name are open: a closing tag that closes
   * nothing is skipped without a search of the open elements, which would
   * make ten thousand stray closing tags under ten thousand open `<li><p>`
   * quadratic (htmlparser2 is).
   */
  private readonly openCounts = new Map<string, number>();
  /** htmlparser2's `foreignContext`, innermost last: whether `/>` closes an element. */
  private readonly foreign: boolean[] = [false];
  /** The text node that the next text joins, if nothing came between. */
  private lastText: Text | null = null;

  /** An opening tag; `isSelfClosing` when it ended with `/` and white space before `>`. */
  openTag(name: string, attributes: Record<string, string>, isSelfClosing: boolean): void {
    this.openImplied(name);
    const isVoid = PARSER_VOID_ELEMENTS.has(name);
    const element = new Element(name, attributes, NO_NODES.slice());
    this.add(element);
    if (isVoid || (isSelfClosing && this.foreign[this.foreign.length - 1] === true)) return;
    this.open.push(element);
    this.openCounts.set(name, (this.openCounts.get(name) ?? 0) + 1);
  }

  /** Closes the innermost open element. */
  private pop(): void {
    const element = this.open.pop();
    if (element !== undefined)
      this.openCounts.set(element.name, (this.openCounts.get(element.name) ?? 1) - 1);
  }

  /** A closing tag. One that closes nothing lets the text around it join into one node. */
  closeTag(name: string): void {
    if (FOREIGN_ELEMENTS.has(name) || HTML_INTEGRATION_ELEMENTS.has(name)) this.foreign.pop();
    if (PARSER_VOID_ELEMENTS.has(name)) {
      if (name === 'br') this.add(new Element('br', {}));
      return;
    }
    if ((this.openCounts.get(name) ?? 0) > 0) {
      for (let element = this.open[this.open.length - 1]; element?.name !== name; ) {
        this.pop();
        element = this.open[this.open.length - 1];
      }
      this.pop();
      this.lastText = null;
      return;
    }
    if (name === 'p') {
      this.openImplied('p');
      this.add(new Element('p', {}));
    }
  }

  /** Closes what an opening tag of `name` implies, and enters or leaves foreign content. */
  private openImplied(name: string): void {
    const closes = IMPLIED_CLOSES.get(name);
    const open = this.open;
    if (closes !== undefined) {
      while (open.length > 0 && closes.has(open[open.length - 1]?.name ?? '')) this.pop();
      this.lastText = null;
    }
    if (FOREIGN_ELEMENTS.has(name)) this.foreign.push(true);
    else if (HTML_INTEGRATION_ELEMENTS.has(name)) this.foreign.push(false);
  }

  /** Text, already decoded; joins the text just before it. */
  text(data: string): void {
    if (data === '') return;
    if (this.lastText !== null) {
      this.lastText.data += data;
      return;
    }
    const node = new Text(data);
    this.add(node);
    this.lastText = node;
  }

  comment(data: string): void {
    this.add(new Comment(data));
  }

  /** `<!…>` and `<?…>`: `prefix` is `!` or `?`, `value` what follows it up to `>`. */
  instruction(prefix: '!' | '?', value: string): void {
    const nameEnd = value.search(INSTRUCTION_NAME_END);
    const name = (nameEnd < 0 ? value : value.slice(0, nameEnd)).toLowerCase();
    this.add(new ProcessingInstruction(`${prefix}${name}`, `${prefix}${value}`));
  }

  private add(node: Element | Text | Comment | ProcessingInstruction): void {
    const parent: ParentNode = this.open[this.open.length - 1] ?? this.document;
    const siblings = parent.children;
    const previous = siblings[siblings.length - 1];
    siblings.push(node);
    if (previous !== undefined) {
      node.prev = previous;
      previous.next = node;
    }
    node.parent = parent;
    this.lastText = null;
  }
}

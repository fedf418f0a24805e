/** Characters franc reads of a value; it ignores everything after. */
export const FRANC_MAX_CHARS = 2048;

/**
 * Cuts a long text into up to three windows (start, middle, end) of at most
 * `windowChars` characters each, so that a detector reading a bounded prefix
 * sees the whole article and not only a possibly foreign-language opening
 * (a quote, a bilingual header). Windows start and end at whitespace where
 * possible. A text that fits one window is returned whole.
 */
export function sampleWindows(text: string, windowChars = FRANC_MAX_CHARS): string[] {
  if (text.length <= windowChars) return [text];
  const starts = [0, Math.floor((text.length - windowChars) / 2), text.length - windowChars];
  return starts.map((start) => {
    const end = start + windowChars;
    return trimToWords(text.slice(start, end), start > 0, end < text.length);
  });
}

const WHITESPACE = /\s/u;

function trimToWords(window: string, cutsWordAtStart: boolean, cutsWordAtEnd: boolean): string {
  const head = cutsWordAtStart ? window.search(WHITESPACE) : 0;
  const lastSpace = cutsWordAtEnd ? lastWhitespace(window) : -1;
  const end = lastSpace > head ? lastSpace : window.length;
  return window.slice(Math.max(head, 0), end).trim();
}

/**
 * Where `window.search(/\s\S*$/u)` finds its match, found from the end: the
 * regular expression tries every whitespace of the window from the start
 * (0.035 → 0.001 ms per aeb page for the whole sampling).
 */
function lastWhitespace(window: string): number {
  for (let index = window.length - 1; index >= 0; index--) {
    if (WHITESPACE.test(window.charAt(index))) return index;
  }
  return -1;
}

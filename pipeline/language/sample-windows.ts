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

function trimToWords(window: string, cutsWordAtStart: boolean, cutsWordAtEnd: boolean): string {
  const head = cutsWordAtStart ? window.search(/\s/u) : 0;
  const lastSpace = cutsWordAtEnd ? window.search(/\s\S*$/u) : -1;
  const end = lastSpace > head ? lastSpace : window.length;
  return window.slice(Math.max(head, 0), end).trim();
}

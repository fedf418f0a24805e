import { readFileSync } from 'node:fs';
import { PressmonError } from '../../core/errors.ts';
import type { CorpusText } from './make-pairs.ts';

/** A dedup corpus file holds a line that is not a text. */
export class DedupCorpusError extends PressmonError {
  override readonly name = 'DedupCorpusError';
}

/** A corpus text with the event it reports, when the file groups texts by event. */
export interface EventText extends CorpusText {
  readonly event?: string;
}

/**
 * Reads a JSONL file of `{id, lang, title, body, event?}` texts (one a line;
 * blank lines skipped). Throws a DedupCorpusError naming file and line of the
 * first bad entry.
 */
export function readCorpusJsonl(file: string): EventText[] {
  const texts: EventText[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const where = `${file}:${index + 1}`;
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(line) as Record<string, unknown>;
      } catch (cause) {
        throw new DedupCorpusError(`reading dedup corpus: ${where} is not JSON; fix the line`, { cause });
      }
      const { id, lang, title, body, event } = value;
      if (
        typeof id !== 'string' ||
        typeof lang !== 'string' ||
        typeof title !== 'string' ||
        typeof body !== 'string'
      ) {
        throw new DedupCorpusError(`reading dedup corpus: ${where} needs string id, lang, title and body`);
      }
      texts.push({ id, lang, title, body, ...(typeof event === 'string' ? { event } : {}) });
    });
  return texts;
}

/** Every pair of different texts that report the same event (the `event` field). */
export function sameEventPairs(texts: readonly EventText[]): [EventText, EventText][] {
  const pairs: [EventText, EventText][] = [];
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1)) {
      if (a.event !== undefined && a.event === b.event) pairs.push([a, b]);
    }
  });
  return pairs;
}

import type { AnyNode, Element } from 'domhandler';
import { allElements } from './dom-text.ts';

/**
 * Every element of a freshly parsed page, in document order, and the same
 * elements grouped by tag name. The metadata and visible-field readers ask
 * a dozen questions of the untouched page ("the meta tags", "the first
 * `<h1>`", "elements whose class says byline"); each selector query walks the
 * whole tree, so one walk shared by all of them saves most of that work.
 * Valid only until the tree changes: build it right after parsing and use it
 * before boilerplate removal.
 */
export interface DocumentIndex {
  /** Every element (script and style included), in document order. */
  readonly elements: readonly Element[];
  /** The elements with this (lower-case) tag name, in document order; [] when none. */
  readonly named: (name: string) => readonly Element[];
}

const NONE: readonly Element[] = [];

/** Indexes the elements under `root` (the document), in one walk. */
export function indexDocument(root: AnyNode | undefined): DocumentIndex {
  const elements = root === undefined ? [] : allElements(root);
  const byName = new Map<string, Element[]>();
  for (const element of elements) {
    const list = byName.get(element.name);
    if (list === undefined) byName.set(element.name, [element]);
    else list.push(element);
  }
  return { elements, named: (name) => byName.get(name) ?? NONE };
}

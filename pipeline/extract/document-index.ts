import type { Document, Element } from 'domhandler';
import { allElements } from './dom-text.ts';
import { measureTree, TreeMeasures } from './text-measures.ts';

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
  /** The document node. */
  readonly root: Document | undefined;
  /** Every element (script and style included), in document order. */
  readonly elements: readonly Element[];
  /** The elements with this (lower-case) tag name, in document order; [] when none. */
  readonly named: (name: string) => readonly Element[];
  /** The text measures of every element (and of `root`). */
  readonly measures: TreeMeasures;
}

const NONE: readonly Element[] = [];

/** Indexes and measures the elements under `root` (the document). */
export function indexDocument(root: Document | undefined): DocumentIndex {
  const elements = root === undefined ? [] : allElements(root);
  const byName = new Map<string, Element[]>();
  for (const element of elements) {
    const list = byName.get(element.name);
    if (list === undefined) byName.set(element.name, [element]);
    else list.push(element);
  }
  const measures = root === undefined ? new TreeMeasures(new Map()) : measureTree(root);
  return { root, elements, named: (name) => byName.get(name) ?? NONE, measures };
}

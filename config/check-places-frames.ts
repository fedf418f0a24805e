import { findDuplicates, type Located } from './cross-checks.ts';
import type { ConfigProblem } from './problems.ts';
import type { ConfigFile } from './read-config-file.ts';
import type { FramesFile } from './schemas/frame.ts';
import type { Place } from './types.ts';
import type { ValuePath } from './yaml-source-map.ts';

// Cross-checks of places.yaml and frames.yaml, after each file passed its schema.

/** Duplicate place ids, and written names shared by two places. */
export function checkPlaces(file: ConfigFile<unknown>, places: readonly Place[]): ConfigProblem[] {
  const ids = places.map((place, index) => at(file, place.id, ['places', index, 'id']));
  // A written form shared by two places would be counted for whichever matched first.
  const names = places.flatMap((place, index) =>
    uniqueForms(place).map(({ form, path: formPath }) => at(file, form, ['places', index, ...formPath])),
  );
  return [
    ...findDuplicates(ids, 'place id', (first) => `line ${first.lineOf(first.path)}`),
    ...findDuplicates(names, 'place name', (first) => `line ${first.lineOf(first.path)}`),
  ];
}

/** A place's names and forms, lower-cased without diacritics, each once. */
function uniqueForms(place: Place): { form: string; path: (string | number)[] }[] {
  const seen = new Set<string>();
  const written: { form: string; path: (string | number)[] }[] = [];
  const add = (text: string, formPath: (string | number)[]): void => {
    const form = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, "'");
    if (seen.has(form)) return;
    seen.add(form);
    written.push({ form, path: formPath });
  };
  for (const [language, names] of Object.entries(place.names)) {
    for (const [position, name] of names.entries()) add(name, ['names', language, position]);
  }
  for (const [position, form] of place.forms.entries()) add(form, ['forms', position]);
  return written;
}

/** Duplicate frame ids and terminology ids. */
export function checkFrames(file: ConfigFile<unknown>, data: FramesFile): ConfigProblem[] {
  const frameIds = data.frames.map((frame, index) => at(file, frame.id, ['frames', index, 'id']));
  const labelIds = data.terminology.map((label, index) => at(file, label.id, ['terminology', index, 'id']));
  return [
    ...findDuplicates(frameIds, 'frame id', (first) => `line ${first.lineOf(first.path)}`),
    ...findDuplicates(labelIds, 'terminology id', (first) => `line ${first.lineOf(first.path)}`),
  ];
}

function at<T>(file: ConfigFile<unknown>, value: T, valuePath: ValuePath): Located<T> {
  return { value, file: file.file, path: valuePath, lineOf: file.lineOf };
}

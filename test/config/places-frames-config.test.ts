import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, loadConfig } from '../../config/index.ts';

const REPO_CONFIG = path.resolve(import.meta.dirname, '../../config');

// The least configuration the loader accepts, plus the two files under test.
const BASE_FILES: Readonly<Record<string, string>> = {
  'sources/ro/hotnews.yaml':
    'id: hotnews\nname: HotNews.ro\ncountry: ro\nlanguages: [ro]\nhomeUrl: https://hotnews.ro/\ndiscovery: { feeds: [https://hotnews.ro/feed] }\n',
  'topics/asylum.yaml': 'id: asylum\nlabels: { en: Asylum }\ndescription: Asylum.\nterms:\n  en: [asylum]\n',
  'places.yaml': [
    'places:',
    '  - id: iasi',
    '    name: Iași',
    '    kind: city',
    '    country: ro',
    '    names: { ro: [Iași], ru: [Яссы] }',
    '    forms: [Iașului]',
    '  - id: lodz',
    '    name: Łódź',
    '    kind: city',
    '    country: pl',
    '    names: { pl: [Łódź] }',
    "    ambiguous: { languages: [pl], reason: 'łódź: a boat' }",
    '',
  ].join('\n'),
  'frames.yaml': [
    'frames:',
    '  - id: security_threat',
    '    labels: { en: Security threat }',
    '    description: Migrants as a danger.',
    '    terms:',
    '      en: [invasion, wave of migrants]',
    'terminology:',
    '  - id: refugee',
    '    labels: { en: refugee }',
    '    register: legal',
    '    terms: { en: [refugee] }',
    '',
  ].join('\n'),
};

const tempDirs: string[] = [];
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function makeConfigDir(changes: Readonly<Record<string, string | null>> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pressmon-places-frames-'));
  tempDirs.push(dir);
  for (const [name, text] of Object.entries({ ...BASE_FILES, ...changes })) {
    if (text === null) continue;
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** The problems of a config with `changes`, as `file:line: path: message`. */
async function problems(changes: Readonly<Record<string, string | null>>): Promise<string[]> {
  const dir = await makeConfigDir(changes);
  const result = await loadConfig({ configDir: dir, sourcesDir: path.join(dir, 'sources') });
  if (result.ok) throw new Error('expected problems, the config loaded');
  return result.problems.map((problem) => formatProblem(problem, dir));
}

describe('loading places.yaml and frames.yaml', () => {
  it('loads the repository gazetteer, frames and terminology', async () => {
    const result = await loadConfig({
      configDir: REPO_CONFIG,
      sourcesDir: path.join(REPO_CONFIG, 'sources'),
    });
    if (!result.ok) throw new Error(result.problems.map((problem) => formatProblem(problem)).join('\n'));
    expect(result.config.places.length).toBeGreaterThanOrEqual(150);
    expect(result.config.frames).toHaveLength(8);
    expect(result.config.terminology.map((label) => label.id)).toEqual(
      expect.arrayContaining([
        'migrant',
        'refugee',
        'asylum_seeker',
        'illegal_immigrant',
        'foreigner',
        'expat',
      ]),
    );
  });

  it('applies defaults and gives frames the topic shape with their file', async () => {
    const dir = await makeConfigDir();
    const result = await loadConfig({ configDir: dir, sourcesDir: path.join(dir, 'sources') });
    if (!result.ok) throw new Error(result.problems.map((problem) => formatProblem(problem, dir)).join('\n'));
    expect(result.config.places[0]).toEqual({
      id: 'iasi',
      name: 'Iași',
      kind: 'city',
      country: 'ro',
      names: { ro: ['Iași'], ru: ['Яссы'] },
      forms: ['Iașului'],
      ambiguous: null,
    });
    expect(result.config.places[1]?.ambiguous).toEqual({ languages: ['pl'], reason: 'łódź: a boat' });
    expect(result.config.frames[0]).toMatchObject({
      id: 'security_threat',
      weight: 1,
      exclusions: {},
      examples: { match: [], noMatch: [] },
      file: path.join(dir, 'frames.yaml'),
    });
  });

  it('treats both files as optional', async () => {
    const dir = await makeConfigDir({ 'places.yaml': null, 'frames.yaml': null });
    const result = await loadConfig({ configDir: dir, sourcesDir: path.join(dir, 'sources') });
    expect(result.ok && [result.config.places, result.config.frames, result.config.terminology]).toEqual([
      [],
      [],
      [],
    ]);
  });
});

describe('problems in places.yaml and frames.yaml, as file:line: path: message', () => {
  it('reports a bad country code, kind and a place without names', async () => {
    const text = BASE_FILES['places.yaml']
      ?.replace('country: ro', 'country: RO')
      .replace('kind: city\n    country: pl', 'kind: town\n    country: pl')
      .replace('names: { pl: [Łódź] }', 'names: {}');
    expect(await problems({ 'places.yaml': text ?? '' })).toEqual([
      'places.yaml:5: places[0].country: must be an ISO 3166-1 alpha-2 country code in lower case, like ro, pl, de, gb',
      'places.yaml:10: places[1].kind: must be one of city, region, country',
      'places.yaml:12: places[1].names: give the names in at least one language (ro, pl, en, ru, uk)',
    ]);
  });

  it('reports an unknown language, a name with signs and an ambiguous place without languages', async () => {
    const text = BASE_FILES['places.yaml']
      ?.replace('ru: [Яссы]', 'de: [Jassy]')
      .replace('forms: [Iașului]', 'forms: ["Iași (oraș)"]')
      .replace('languages: [pl], ', 'languages: [], ');
    expect(await problems({ 'places.yaml': text ?? '' })).toEqual([
      'places.yaml:6: places[0].names.de: unknown key (allowed keys here: ro, pl, en, ru, uk)',
      "places.yaml:7: places[0].forms[0]: a place name is one or more words of letters (with inner - . or '), separated by single spaces",
      'places.yaml:13: places[1].ambiguous.languages: list the languages whose names are ambiguous',
    ]);
  });

  it('reports duplicate place ids and a name given to two places', async () => {
    const text = `${BASE_FILES['places.yaml']}  - { id: iasi, name: Jassy, kind: city, country: ro, names: { pl: [Jassy] } }\n  - { id: iasi-2, name: Iasi, kind: region, country: ro, names: { en: [Iasi] } }\n`;
    expect(await problems({ 'places.yaml': text })).toEqual([
      'places.yaml:14: places[2].id: place id "iasi" is used twice; it is already used in line 2',
      'places.yaml:15: places[3].names.en[0]: place name "iasi" is used twice; it is already used in line 6',
    ]);
  });

  it('reports a bad frame term, a bad register and duplicate ids', async () => {
    const text = BASE_FILES['frames.yaml']
      ?.replace('[invasion, wave of migrants]', '[invasion, "wave *"]')
      .replace('register: legal', 'register: loaded-ish')
      .concat(
        '  - id: refugee\n    labels: { en: refugees }\n    register: legal\n    terms: { en: [refugee*s] }\n',
      );
    expect(await problems({ 'frames.yaml': text ?? '' })).toEqual([
      "frames.yaml:6: frames[0].terms.en[1]: bad term: `*` is not a word: use letters and digits (with inner - ' or .), no quotes or other signs",
      'frames.yaml:10: terminology[0].register: must be one of neutral, legal, loaded',
      'frames.yaml:15: terminology[1].terms.en[0]: bad term: `*` may only end a word, as in `refugia*`; got `refugee*s`',
    ]);
  });

  it('reports duplicate frame and terminology ids once the file is valid', async () => {
    const text =
      `${BASE_FILES['frames.yaml']}  - { id: refugee, labels: { en: refugee }, register: legal, terms: { en: [refugees] } }\n`.replace(
        'terminology:',
        '  - { id: security_threat, labels: { en: x }, description: x, terms: { en: [threat] } }\nterminology:',
      );
    expect(await problems({ 'frames.yaml': text })).toEqual([
      'frames.yaml:7: frames[1].id: frame id "security_threat" is used twice; it is already used in line 2',
      'frames.yaml:13: terminology[1].id: terminology id "refugee" is used twice; it is already used in line 9',
    ]);
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConfigProblem, formatProblem, loadConfig, loadConfigOrThrow } from '../../config/index.ts';
import { ConfigError } from '../../core/errors.ts';

const REPO_CONFIG = path.resolve(import.meta.dirname, '../../config');

// A small valid configuration; each test replaces or adds the files it needs.
const VALID_FILES: Readonly<Record<string, string>> = {
  'sources/ro/hotnews.yaml': [
    'id: hotnews',
    'name: HotNews.ro',
    'country: ro',
    'languages: [ro]',
    'homeUrl: https://hotnews.ro/',
    'discovery:',
    '  feeds:',
    '    - https://hotnews.ro/feed',
    '  sections:',
    '    - url: https://hotnews.ro/c/actualitate',
    "      linkPattern: '^https://hotnews\\.ro/[a-z0-9-]+-\\d+$'",
    '',
  ].join('\n'),
  'topics/asylum.yaml': [
    'id: asylum',
    'labels: { en: Asylum, ro: Azil }',
    'description: Asylum and international protection.',
    'terms:',
    '  ro: [cerer* de azil, refugia*]',
    '  en: [asylum]',
    'examples:',
    '  match:',
    '    - { lang: ro, text: Cererile de azil au crescut. }',
    '',
  ].join('\n'),
  'organisations.yaml': [
    'organisations:',
    '  - id: cnrr',
    '    name: Consiliul Național Român pentru Refugiați',
    '    country: ro',
    '    kind: coalition-member',
    '    abbreviations: [CNRR]',
    '',
  ].join('\n'),
  'members.yaml': [
    'members:',
    '  - email: ana@example.org',
    '    name: Ana',
    '    organisation: cnrr',
    '    language: ro',
    '    timeZone: Europe/Bucharest',
    '    topics: [asylum]',
    '',
  ].join('\n'),
};

const tempDirs: string[] = [];
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Writes VALID_FILES with `changes` applied (null deletes a file) into a fresh folder. */
async function makeConfigDir(changes: Readonly<Record<string, string | null>> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pressmon-config-'));
  tempDirs.push(dir);
  const files = { ...VALID_FILES, ...changes };
  for (const [name, text] of Object.entries(files)) {
    if (text === null) continue;
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

async function problemsOf(dir: string): Promise<readonly ConfigProblem[]> {
  const result = await loadConfig({ configDir: dir, sourcesDir: path.join(dir, 'sources') });
  if (result.ok) throw new Error('expected problems, the config loaded');
  return result.problems;
}

async function formattedProblems(changes: Readonly<Record<string, string | null>>): Promise<string[]> {
  const dir = await makeConfigDir(changes);
  return (await problemsOf(dir)).map((problem) => formatProblem(problem, dir));
}

describe('loadConfig', () => {
  it('loads the repository configuration with zero problems', async () => {
    const result = await loadConfig({
      configDir: REPO_CONFIG,
      sourcesDir: path.join(REPO_CONFIG, 'sources'),
    });
    const problems = result.ok ? [] : result.problems.map((problem) => formatProblem(problem));
    expect(problems).toEqual([]);
    if (!result.ok) return;
    expect(result.config.sources.length).toBeGreaterThanOrEqual(25);
    expect(result.config.topics).toHaveLength(15);
    expect(result.config.members.every((member) => member.email.endsWith('@example.org'))).toBe(true);
  });

  it('applies the defaults: not verified, no browser, polite rate limit, time zone by country', async () => {
    const dir = await makeConfigDir({
      'sources/md/zdg.yaml':
        'id: zdg\nname: ZdG\ncountry: md\nlanguages: [ro, ru]\nhomeUrl: https://www.zdg.md/\ndiscovery: { feeds: [https://www.zdg.md/feed/] }\n',
    });
    const result = await loadConfig({ configDir: dir, sourcesDir: path.join(dir, 'sources') });
    if (!result.ok) throw new Error(result.problems.map((problem) => formatProblem(problem, dir)).join('\n'));
    const [hotnews, zdg] = result.config.sources;
    expect(hotnews).toMatchObject({
      id: 'hotnews',
      verified: false,
      browser: false,
      rateLimit: { delayMs: 2000, maxConcurrency: 1 },
      refreshHours: 0,
      timeZone: 'Europe/Bucharest',
      file: path.join(dir, 'sources/ro/hotnews.yaml'),
    });
    expect(hotnews?.discovery).toEqual({
      feeds: ['https://hotnews.ro/feed'],
      sitemaps: [],
      sections: [
        {
          url: 'https://hotnews.ro/c/actualitate',
          linkPattern: '^https://hotnews\\.ro/[a-z0-9-]+-\\d+$',
          maxPages: 1,
        },
      ],
      siteSearch: [],
    });
    expect(zdg?.timeZone).toBe('Europe/Chisinau');
    expect(result.config.topics[0]).toMatchObject({ weight: 1, exclusions: {}, examples: { noMatch: [] } });
    expect(result.config.members[0]).toMatchObject({ organisations: [], sendEmptyDigest: false });
  });

  it('reports a YAML syntax error with its line', async () => {
    const problems = await formattedProblems({
      'topics/asylum.yaml': 'id: asylum\nlabels:\n  en: Asylum\n description: bad indent\n',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^topics\/asylum\.yaml:4: YAML syntax: /);
  });

  it('reports a wrong type at the line of the key', async () => {
    const text =
      VALID_FILES['topics/asylum.yaml']?.replace('description:', 'weight: heavy\ndescription:') ?? '';
    expect(await formattedProblems({ 'topics/asylum.yaml': text })).toEqual([
      'topics/asylum.yaml:3: weight: expected number, got the text "heavy"',
    ]);
  });

  it('reports a missing key at the line of the nearest parent', async () => {
    const text = VALID_FILES['members.yaml']?.replace('    name: Ana\n', '') ?? '';
    expect(await formattedProblems({ 'members.yaml': text })).toEqual([
      'members.yaml:2: members[0].name: is missing (expected string)',
    ]);
  });

  it('reports an unknown key at its own line, naming the allowed keys', async () => {
    const text = VALID_FILES['sources/ro/hotnews.yaml']?.replace('  feeds:', '  feedz:') ?? '';
    const problems = await formattedProblems({ 'sources/ro/hotnews.yaml': text });
    expect(problems).toEqual([
      'sources/ro/hotnews.yaml:7: discovery.feedz: unknown key (allowed keys here: feeds, sitemaps, sections, siteSearch)',
    ]);
  });

  it('reports a duplicate source id in the second file, naming the first', async () => {
    const copy = VALID_FILES['sources/ro/hotnews.yaml'] ?? '';
    const dir = await makeConfigDir({
      'sources/int/hotnews.yaml': copy.replace('country: ro', 'country: int'),
    });
    const problems = (await problemsOf(dir)).map((problem) => formatProblem(problem, dir));
    expect(problems).toEqual([
      `sources/ro/hotnews.yaml:1: id: source id "hotnews" is used twice; it is already used in ${path.join(dir, 'sources/int/hotnews.yaml')}`,
    ]);
  });

  it('reports a regular expression that does not compile', async () => {
    const text =
      VALID_FILES['sources/ro/hotnews.yaml']?.replace("'^https://hotnews", "'^(https://hotnews") ?? '';
    const problems = await formattedProblems({ 'sources/ro/hotnews.yaml': text });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^sources\/ro\/hotnews\.yaml:11: discovery\.sections\[0\]\.linkPattern: is not a valid regular expression: /,
    );
  });

  it('reports a member topic that no topic file defines', async () => {
    const text =
      VALID_FILES['members.yaml']?.replace('topics: [asylum]', 'topics:\n      - asylum\n      - asylm') ??
      '';
    expect(await formattedProblems({ 'members.yaml': text })).toEqual([
      'members.yaml:9: members[0].topics[1]: unknown topic "asylm"; topics are defined in topics/<id>.yaml',
    ]);
  });

  it('reports a member organisation that organisations.yaml does not define', async () => {
    const text = VALID_FILES['members.yaml']?.replace('organisation: cnrr', 'organisation: arca') ?? '';
    expect(await formattedProblems({ 'members.yaml': text })).toEqual([
      'members.yaml:4: members[0].organisation: unknown organisation "arca"; organisations are defined in organisations.yaml',
    ]);
  });

  it('checks term syntax, ids matching file names and folders matching countries', async () => {
    const source = VALID_FILES['sources/ro/hotnews.yaml']?.replace('country: ro', 'country: pl') ?? '';
    const topic = VALID_FILES['topics/asylum.yaml']?.replace('[asylum]', '[asylum ~ seeker, "*fugee"]') ?? '';
    const problems = await formattedProblems({
      'sources/ro/hotnews.yaml': null,
      'sources/ro/hot-news.yaml': source,
      'topics/asylum.yaml': topic,
    });
    expect(problems).toEqual([
      'sources/ro/hot-news.yaml:1: id: must equal the file name "hot-news" (rename the file or the id)',
      'sources/ro/hot-news.yaml:3: country: must equal the folder "ro" the file is in',
      'topics/asylum.yaml:6: terms.en[0]: bad term: `~` needs a number of words, as in `a ~5 b`',
      'topics/asylum.yaml:6: terms.en[1]: bad term: `*` may only end a word, as in `refugia*`; got `*fugee`',
    ]);
  });

  it('collects the problems of every file before answering', async () => {
    const problems = await formattedProblems({
      'topics/asylum.yaml': 'id: asylum\nlabels: [\n',
      'members.yaml': 'members:\n  - email: not-an-address\n',
      'sources/ro/hotnews.yaml':
        'id: hotnews\nname: HotNews\ncountry: ro\nlanguages: [xx]\nhomeUrl: ftp://hotnews.ro/\nschedule: 0 25 * * *\ndiscovery: { feeds: [] }\n',
    });
    const files = new Set(problems.map((problem) => problem.split(':')[0]));
    expect(files).toEqual(new Set(['members.yaml', 'sources/ro/hotnews.yaml', 'topics/asylum.yaml']));
    expect(problems).toContain(
      'sources/ro/hotnews.yaml:5: homeUrl: must be an absolute http:// or https:// URL',
    );
    expect(problems).toContain(
      'sources/ro/hotnews.yaml:6: schedule: must be a cron expression like "0 6 * * *" (minute hour day month weekday)',
    );
    expect(
      problems.some((problem) =>
        problem.startsWith('sources/ro/hotnews.yaml:4: languages[0]: must be a known language'),
      ),
    ).toBe(true);
    expect(
      problems.some((problem) =>
        problem.startsWith('sources/ro/hotnews.yaml:7: discovery: give at least one way'),
      ),
    ).toBe(true);
    expect(
      problems.some((problem) => problem.startsWith('members.yaml:2: members[0].email: must be an e-mail')),
    ).toBe(true);
  });

  it('reports an unknown time zone and a missing sources folder', async () => {
    const members = VALID_FILES['members.yaml']?.replace('Europe/Bucharest', 'Europe/Bucharesti') ?? '';
    const dir = await makeConfigDir({ 'members.yaml': members, 'sources/ro/hotnews.yaml': null });
    await rm(path.join(dir, 'sources'), { recursive: true, force: true });
    const problems = (await problemsOf(dir)).map((problem) => formatProblem(problem, dir));
    expect(problems).toEqual([
      'members.yaml:6: members[0].timeZone: must be an IANA time zone like Europe/Bucharest',
      'sources: folder not found',
    ]);
  });
});

describe('loadConfigOrThrow', () => {
  it('throws one ConfigError that lists every problem', async () => {
    const dir = await makeConfigDir({
      'topics/asylum.yaml': 'id: Asylum\n',
      'organisations.yaml': 'organisations: {}\n',
    });
    const error = await loadConfigOrThrow({ configDir: dir, sourcesDir: path.join(dir, 'sources') }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('topics/asylum.yaml:1: id: must be lower-case');
    expect(message).toContain('topics/asylum.yaml:1: labels: is missing');
    expect(message).toContain('organisations.yaml:1: organisations: expected array, got a map of keys');
    expect(message).toContain('pressmon config check');
  });

  it('returns the config when there is no problem', async () => {
    const dir = await makeConfigDir();
    const config = await loadConfigOrThrow({ configDir: dir, sourcesDir: path.join(dir, 'sources') });
    expect(config.organisations.map((organisation) => organisation.id)).toEqual(['cnrr']);
  });
});

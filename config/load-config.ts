import { existsSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { ConfigError } from '../core/errors.ts';
import { checkFrames, checkPlaces } from './check-places-frames.ts';
import { findDuplicates, findUnknownReferences, type Located, problemAt } from './cross-checks.ts';
import { listSourceFiles, listYamlFiles } from './list-config-files.ts';
import { type ConfigProblem, formatProblem } from './problems.ts';
import { type ConfigFile, readConfigFile } from './read-config-file.ts';
import { COUNTRY_CODES } from './schemas/common.ts';
import { framesFileSchema } from './schemas/frame.ts';
import { membersFileSchema } from './schemas/member.ts';
import { organisationsFileSchema } from './schemas/organisation.ts';
import { placesFileSchema } from './schemas/place.ts';
import { type SourceFile, sourceFileSchema, toSourceConfig } from './schemas/source.ts';
import { type TopicFile, topicFileSchema, toTopic } from './schemas/topic.ts';
import type {
  Frame,
  Member,
  Organisation,
  Place,
  PressmonConfig,
  SourceConfig,
  TerminologyLabel,
  Topic,
} from './types.ts';

export interface LoadConfigOptions {
  /** Folder with `topics/`, `organisations.yaml`, `members.yaml`, `places.yaml` and `frames.yaml`. */
  readonly configDir: string;
  /** Folder with `<country>/<id>.yaml` source files. */
  readonly sourcesDir: string;
}

export type LoadResult =
  | { readonly ok: true; readonly config: PressmonConfig }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/**
 * Reads and validates every config file. Collects all problems of all files
 * (syntax, schema, file names, duplicate ids, unknown references) before
 * answering; the config is returned only when there are none.
 * `organisations.yaml`, `members.yaml`, `places.yaml` and `frames.yaml` may
 * be absent (empty lists).
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadResult> {
  const sourcesDir = path.resolve(options.sourcesDir);
  const configDir = path.resolve(options.configDir);
  const [sources, topics, organisations, members, places, frames] = await Promise.all([
    loadSources(sourcesDir),
    loadTopics(path.join(configDir, 'topics')),
    loadOptionalList(path.join(configDir, 'organisations.yaml'), organisationsFileSchema),
    loadOptionalList(path.join(configDir, 'members.yaml'), membersFileSchema),
    loadOptionalList(path.join(configDir, 'places.yaml'), placesFileSchema),
    loadOptionalList(path.join(configDir, 'frames.yaml'), framesFileSchema),
  ]);
  const orgFile = organisations.file;
  const memberFile = members.file;
  const problems = [
    ...sources.problems,
    ...topics.problems,
    ...(orgFile?.problems ?? []),
    ...(memberFile?.problems ?? []),
    ...(places.file?.problems ?? []),
    ...(frames.file?.problems ?? []),
  ];
  const orgList: readonly Organisation[] = orgFile?.data?.organisations ?? [];
  const memberList: readonly Member[] = memberFile?.data?.members ?? [];
  if (orgFile !== undefined) problems.push(...checkOrganisations(orgFile, orgList));
  if (memberFile !== undefined) {
    const topicIds = new Set(topics.topics.map((topic) => topic.id));
    const orgIds = new Set(orgList.map((organisation) => organisation.id));
    // Unknown references are only meaningful when the referenced files are themselves valid.
    const isTopicsValid = topics.problems.length === 0;
    const isOrgsValid = (orgFile?.problems.length ?? 0) === 0;
    problems.push(
      ...checkMembers(memberFile, memberList, isTopicsValid ? topicIds : null, isOrgsValid ? orgIds : null),
    );
  }
  const placeList: readonly Place[] = places.file?.data?.places ?? [];
  if (places.file !== undefined) problems.push(...checkPlaces(places.file, placeList));
  const frameList: readonly Frame[] = (frames.file?.data?.frames ?? []).map((frame) =>
    toTopic(frame, frames.file?.file ?? ''),
  );
  const terminology: readonly TerminologyLabel[] = frames.file?.data?.terminology ?? [];
  if (frames.file?.data !== undefined) problems.push(...checkFrames(frames.file, frames.file.data));
  if (problems.length > 0) return { ok: false, problems: problems.sort(byPlace) };
  return {
    ok: true,
    config: {
      sources: sources.sources,
      topics: topics.topics,
      organisations: orgList,
      members: memberList,
      places: placeList,
      frames: frameList,
      terminology,
    },
  };
}

/** Like {@link loadConfig}, but throws a ConfigError that lists every problem. */
export async function loadConfigOrThrow(options: LoadConfigOptions): Promise<PressmonConfig> {
  const result = await loadConfig(options);
  if (result.ok) return result.config;
  const lines = result.problems.map((problem) => `  ${formatProblem(problem)}`);
  throw new ConfigError(
    `loading the configuration found ${result.problems.length} problem(s); fix them and run \`pressmon config check\`:\n${lines.join('\n')}`,
  );
}

async function loadSources(
  sourcesDir: string,
): Promise<{ sources: SourceConfig[]; problems: ConfigProblem[] }> {
  const listing = await listSourceFiles(sourcesDir);
  const problems: ConfigProblem[] = [...listing.problems];
  const read = await Promise.all(
    listing.entries.map((entry) => readConfigFile(entry.file, sourceFileSchema)),
  );
  const located: Located<string>[] = [];
  const sources: SourceConfig[] = [];
  read.forEach((file, index) => {
    problems.push(...file.problems);
    const entry = listing.entries[index];
    const data: SourceFile | undefined = file.data;
    if (data === undefined || entry === undefined) return;
    const idAt = at(file, data.id, ['id']);
    if (data.id !== entry.baseName) {
      problems.push(
        problemAt(idAt, `must equal the file name "${entry.baseName}" (rename the file or the id)`),
      );
    }
    if (data.country !== entry.folderCountry) {
      problems.push(
        problemAt(
          at(file, data.country, ['country']),
          `must equal the folder "${entry.folderCountry}" the file is in`,
        ),
      );
    }
    located.push(idAt);
    sources.push(toSourceConfig(data, file.file));
  });
  problems.push(...findDuplicates(located, 'source id', (first) => first.file));
  sources.sort(
    (a, b) => COUNTRY_CODES.indexOf(a.country) - COUNTRY_CODES.indexOf(b.country) || compare(a.id, b.id),
  );
  return { sources, problems };
}

async function loadTopics(topicsDir: string): Promise<{ topics: Topic[]; problems: ConfigProblem[] }> {
  const listing = await listYamlFiles(topicsDir);
  const problems: ConfigProblem[] = [...listing.problems];
  if (listing.problems.length === 0 && listing.entries.length === 0) {
    problems.push({ file: topicsDir, line: null, path: '', message: 'no topic files (<id>.yaml) found' });
  }
  const read = await Promise.all(listing.entries.map((file) => readConfigFile(file, topicFileSchema)));
  const located: Located<string>[] = [];
  const topics: Topic[] = [];
  for (const file of read) {
    problems.push(...file.problems);
    const data: TopicFile | undefined = file.data;
    if (data === undefined) continue;
    const idAt = at(file, data.id, ['id']);
    const baseName = path.basename(file.file).replace(/\.ya?ml$/, '');
    if (data.id !== baseName) {
      problems.push(problemAt(idAt, `must equal the file name "${baseName}" (rename the file or the id)`));
    }
    located.push(idAt);
    topics.push(toTopic(data, file.file));
  }
  problems.push(...findDuplicates(located, 'topic id', (first) => first.file));
  return { topics, problems };
}

async function loadOptionalList<S extends z.ZodType>(
  file: string,
  schema: S,
): Promise<{ file: ConfigFile<z.output<S>> | undefined }> {
  if (!existsSync(file)) return { file: undefined };
  return { file: await readConfigFile(file, schema) };
}

function checkOrganisations(
  file: ConfigFile<unknown>,
  organisations: readonly Organisation[],
): ConfigProblem[] {
  const ids = organisations.map((organisation, index) =>
    at(file, organisation.id, ['organisations', index, 'id']),
  );
  const abbreviations = organisations.flatMap((organisation, index) =>
    // One organisation may list an abbreviation in several spellings; only clashes between organisations count.
    [...new Set(organisation.abbreviations)].map((abbreviation) =>
      at(file, abbreviation, [
        'organisations',
        index,
        'abbreviations',
        organisation.abbreviations.indexOf(abbreviation),
      ]),
    ),
  );
  return [
    ...findDuplicates(ids, 'organisation id', (first) => `line ${first.lineOf(first.path)}`),
    ...findDuplicates(abbreviations, 'abbreviation', (first) => `line ${first.lineOf(first.path)}`),
  ];
}

function checkMembers(
  file: ConfigFile<unknown>,
  members: readonly Member[],
  topicIds: ReadonlySet<string> | null,
  organisationIds: ReadonlySet<string> | null,
): ConfigProblem[] {
  const emails = members.map((member, index) =>
    at(file, member.email.toLowerCase(), ['members', index, 'email']),
  );
  const problems = findDuplicates(emails, 'e-mail address', (first) => `line ${first.lineOf(first.path)}`);
  if (topicIds !== null) {
    const topicRefs = members.flatMap((member, index) =>
      member.topics.map((topic, position) => at(file, topic, ['members', index, 'topics', position])),
    );
    problems.push(...findUnknownReferences(topicRefs, topicIds, 'topic', 'topics/<id>.yaml'));
  }
  if (organisationIds !== null) {
    const orgRefs = members.flatMap((member, index) => [
      at(file, member.organisation, ['members', index, 'organisation']),
      ...member.organisations.map((id, position) =>
        at(file, id, ['members', index, 'organisations', position]),
      ),
    ]);
    problems.push(...findUnknownReferences(orgRefs, organisationIds, 'organisation', 'organisations.yaml'));
  }
  return problems;
}

function at<T>(file: ConfigFile<unknown>, value: T, valuePath: Located<T>['path']): Located<T> {
  return { value, file: file.file, path: valuePath, lineOf: file.lineOf };
}

function byPlace(a: ConfigProblem, b: ConfigProblem): number {
  return compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

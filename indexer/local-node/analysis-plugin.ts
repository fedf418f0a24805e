import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MissingPrerequisiteError, PressmonError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { lastLines, runCommand } from './run-command.ts';

/** The plugin's name: its folder under `<esHome>/plugins` and its descriptor name. */
export const ANALYSIS_PLUGIN_NAME = 'pressmon-analysis';
/** The Java release the plugin is compiled for (`javac --release`), also the descriptor's java.version. */
export const ANALYSIS_PLUGIN_JAVA_RELEASE = '21';
/** Bump when the build itself (not the Java sources) changes, to force a rebuild. */
const BUILD_FORMAT = 1;
const SOURCE_DIR = path.join(import.meta.dirname, 'analysis-plugin', 'src');
const STAMP_FILE = 'pressmon-build.json';
const COMMAND_TIMEOUT_MS = 300_000;

/** A Maven artifact the plugin bundles. */
export interface MavenArtifact {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
}

/** Building or installing the analysis plugin failed; the message carries the tool's output. */
export class AnalysisPluginError extends PressmonError {
  override readonly name = 'AnalysisPluginError';
}

/**
 * The jars the plugin ships next to its own: Lucene's Polish (stempel) and
 * morfologik modules of the node's Lucene version, and the morfologik
 * libraries with the Ukrainian dictionary, at the versions that Lucene 9.12's
 * lucene-analysis-morfologik pom declares. Pure.
 */
export function pluginDependencies(luceneVersion: string): readonly MavenArtifact[] {
  return [
    { groupId: 'org.apache.lucene', artifactId: 'lucene-analysis-stempel', version: luceneVersion },
    { groupId: 'org.apache.lucene', artifactId: 'lucene-analysis-morfologik', version: luceneVersion },
    { groupId: 'org.carrot2', artifactId: 'morfologik-stemming', version: '2.1.9' },
    { groupId: 'org.carrot2', artifactId: 'morfologik-fsa', version: '2.1.9' },
    { groupId: 'ua.net.nlp', artifactId: 'morfologik-ukrainian-search', version: '4.9.1' },
  ];
}

/** The file name Maven's dependency:copy gives an artifact's jar. Pure. */
export function artifactJarName(artifact: MavenArtifact): string {
  return `${artifact.artifactId}-${artifact.version}.jar`;
}

/** The classic plugin descriptor (plugin-descriptor.properties) for one Elasticsearch version. Pure. */
export function pluginDescriptor(esVersion: string): string {
  return [
    'description=pressmon analysis: ASCII folding, Snowball, Polish and Ukrainian stemming, Romanian cedilla',
    'version=1.0.0',
    `name=${ANALYSIS_PLUGIN_NAME}`,
    'classname=org.pressmon.analysis.PressmonAnalysisPlugin',
    `java.version=${ANALYSIS_PLUGIN_JAVA_RELEASE}`,
    `elasticsearch.version=${esVersion}`,
    '',
  ].join('\n');
}

/** The Lucene version of an Elasticsearch home, read from `lib/lucene-core-<version>.jar`; null when absent. */
export function luceneVersionFromLibFiles(fileNames: readonly string[]): string | null {
  for (const name of fileNames) {
    const match = /^lucene-core-(\d+\.\d+\.\d+)\.jar$/.exec(name);
    if (match?.[1] !== undefined) return match[1];
  }
  return null;
}

/**
 * The identity of a plugin build: a hash over the Java sources (path and
 * content), the Elasticsearch version and the bundled artifacts. Pure.
 */
export function analysisPluginStamp(input: {
  esVersion: string;
  dependencies: readonly MavenArtifact[];
  sources: readonly { readonly path: string; readonly content: string }[];
}): string {
  const hash = createHash('sha256');
  hash.update(`format ${BUILD_FORMAT}\nes ${input.esVersion}\njava ${ANALYSIS_PLUGIN_JAVA_RELEASE}\n`);
  for (const dep of input.dependencies) hash.update(`dep ${dep.groupId}:${dep.artifactId}:${dep.version}\n`);
  for (const source of [...input.sources].sort((a, b) => a.path.localeCompare(b.path))) {
    hash.update(`src ${source.path}\n${source.content}\n`);
  }
  return hash.digest('hex');
}

/**
 * Makes sure `<esHome>/plugins/pressmon-analysis` holds this version of
 * pressmon's analysis plugin (see analysis-plugin/README.md): fetches the
 * Lucene jars it bundles with Maven (cached under
 * `<cacheDir>/elasticsearch/plugin-deps`), compiles the Java sources with the
 * JDK's javac against the node's own jars, and copies the plugin folder in.
 * Returns at once when the installed plugin's stamp matches the sources and
 * versions. Call it while the node is stopped: Elasticsearch reads plugins at
 * start only.
 */
export async function ensureAnalysisPlugin(options: {
  esHome: string;
  esVersion: string;
  jdkHome: string;
  cacheDir: string;
  logger: Logger;
}): Promise<void> {
  const { esHome, esVersion, logger } = options;
  const libDir = path.join(esHome, 'lib');
  const libFiles = await readdir(libDir).catch((cause: unknown) => {
    const message = `build analysis plugin: cannot list ${libDir}; is ${esHome} an Elasticsearch home?`;
    throw new AnalysisPluginError(message, { cause });
  });
  const luceneVersion = luceneVersionFromLibFiles(libFiles);
  if (luceneVersion === null) {
    throw new AnalysisPluginError(`build analysis plugin: no lucene-core-<version>.jar in ${libDir}`);
  }
  const dependencies = pluginDependencies(luceneVersion);
  const sources = await readJavaSources();
  const stamp = analysisPluginStamp({ esVersion, dependencies, sources });
  const pluginDir = path.join(esHome, 'plugins', ANALYSIS_PLUGIN_NAME);
  if ((await readInstalledStamp(pluginDir)) === stamp) {
    logger.debug({ pluginDir }, 'analysis plugin up to date');
    return;
  }
  logger.info({ pluginDir, esVersion, luceneVersion }, 'building analysis plugin');
  const depJars = await fetchDependencies(
    dependencies,
    path.join(options.cacheDir, 'elasticsearch', 'plugin-deps'),
  );
  const buildRoot = path.join(options.cacheDir, 'elasticsearch', 'plugin-build');
  await mkdir(buildRoot, { recursive: true });
  // A folder of its own, so that two processes building at once do not collide.
  const workDir = await mkdtemp(path.join(buildRoot, `${stamp.slice(0, 12)}-`));
  try {
    const stagedDir = await buildPlugin({ ...options, workDir, depJars, sources });
    await rm(pluginDir, { recursive: true, force: true });
    await mkdir(path.dirname(pluginDir), { recursive: true });
    await cp(stagedDir, pluginDir, { recursive: true });
    // The stamp goes last: an interrupted copy leaves no stamp and is rebuilt next time.
    const stampJson = JSON.stringify({ stamp, esVersion, luceneVersion });
    await writeFile(path.join(pluginDir, STAMP_FILE), `${stampJson}\n`);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  logger.info({ pluginDir }, 'analysis plugin installed');
}

async function readJavaSources(): Promise<{ path: string; content: string }[]> {
  const entries = await readdir(SOURCE_DIR, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.java'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  return Promise.all(
    files.map(async (file) => ({
      path: path.relative(SOURCE_DIR, file),
      content: await readFile(file, 'utf8'),
    })),
  );
}

async function readInstalledStamp(pluginDir: string): Promise<string | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(pluginDir, STAMP_FILE), 'utf8'));
    const stamp = (parsed as { stamp?: unknown }).stamp;
    return typeof stamp === 'string' ? stamp : null;
  } catch {
    return null;
  }
}

async function isReadable(file: string): Promise<boolean> {
  return access(file, constants.R_OK).then(
    () => true,
    () => false,
  );
}

/** Copies each artifact's jar into `depsDir` with `mvn dependency:copy` unless it is there already. */
async function fetchDependencies(dependencies: readonly MavenArtifact[], depsDir: string): Promise<string[]> {
  await mkdir(depsDir, { recursive: true });
  const jars: string[] = [];
  for (const dep of dependencies) {
    const jar = path.join(depsDir, artifactJarName(dep));
    jars.push(jar);
    if (await isReadable(jar)) continue;
    const coordinates = `${dep.groupId}:${dep.artifactId}:${dep.version}`;
    const args = ['-q', '-B', 'dependency:copy', `-Dartifact=${coordinates}`, `-DoutputDirectory=${depsDir}`];
    const result = await runCommand('mvn', args, { timeoutMs: COMMAND_TIMEOUT_MS }).catch(
      (cause: unknown) => {
        throw new MissingPrerequisiteError(
          'build analysis plugin: Maven (mvn) is not installed; install it (apt-get install maven) or set PRESSMON_ES_SKIP_PLUGIN=1',
          { cause },
        );
      },
    );
    if (result.code !== 0 || !(await isReadable(jar))) {
      const output = lastLines(`${result.stdout}\n${result.stderr}`, 20);
      throw new AnalysisPluginError(
        `build analysis plugin: mvn dependency:copy ${coordinates} failed (exit ${result.code}); is Maven Central reachable?\n${output}`,
        { isRetryable: true },
      );
    }
  }
  return jars;
}

/** Compiles the sources and lays out the plugin folder in `<workDir>/plugin`; returns that folder. */
async function buildPlugin(options: {
  esHome: string;
  esVersion: string;
  jdkHome: string;
  workDir: string;
  depJars: readonly string[];
  sources: readonly { readonly path: string }[];
}): Promise<string> {
  const classesDir = path.join(options.workDir, 'classes');
  const pluginDir = path.join(options.workDir, 'plugin');
  await mkdir(classesDir, { recursive: true });
  await mkdir(pluginDir, { recursive: true });
  const classPath = [path.join(options.esHome, 'lib', '*'), ...options.depJars].join(path.delimiter);
  const sourceFiles = options.sources.map((source) => path.join(SOURCE_DIR, source.path));
  await runJdkTool(options.jdkHome, 'javac', [
    '--release',
    ANALYSIS_PLUGIN_JAVA_RELEASE,
    '-encoding',
    'UTF-8',
    '-nowarn',
    '-cp',
    classPath,
    '-d',
    classesDir,
    ...sourceFiles,
  ]);
  const jar = path.join(pluginDir, `${ANALYSIS_PLUGIN_NAME}.jar`);
  await runJdkTool(options.jdkHome, 'jar', ['--create', '--file', jar, '-C', classesDir, '.']);
  for (const depJar of options.depJars) await cp(depJar, path.join(pluginDir, path.basename(depJar)));
  await writeFile(path.join(pluginDir, 'plugin-descriptor.properties'), pluginDescriptor(options.esVersion));
  return pluginDir;
}

async function runJdkTool(jdkHome: string, tool: 'javac' | 'jar', args: readonly string[]): Promise<void> {
  const program = path.join(jdkHome, 'bin', tool);
  if (!(await isReadable(program))) {
    throw new MissingPrerequisiteError(
      `build analysis plugin: ${program} not found; the JDK at ${jdkHome} must be a full JDK (with ${tool}), not a JRE`,
    );
  }
  const result = await runCommand(program, args, { timeoutMs: COMMAND_TIMEOUT_MS });
  if (result.code !== 0) {
    const output = lastLines(`${result.stdout}\n${result.stderr}`, 40);
    throw new AnalysisPluginError(`build analysis plugin: ${tool} failed (exit ${result.code})\n${output}`);
  }
}

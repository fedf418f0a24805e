import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../../config/settings.ts';
import { MissingPrerequisiteError } from '../../../core/errors.ts';
import { silentLogger } from '../../../core/logger.ts';
import {
  ANALYSIS_PLUGIN_NAME,
  artifactJarName,
  ensureAnalysisPlugin,
  pluginDependencies,
} from '../../../indexer/local-node/analysis-plugin.ts';
import { findJdk } from '../../../indexer/local-node/find-jdk.ts';
import { testEsClient } from '../../support/elasticsearch.ts';

// Builds the plugin for the test node's own Elasticsearch (its lib/ jars, seen
// through a symlink) into a scratch home, with the real javac and Maven.
let esHome: string;
let esVersion: string;
let jdkHome: string;
const cacheDir = loadSettings().cacheDir;
const logger = silentLogger();

beforeAll(async () => {
  const client = testEsClient();
  const info = await client.nodes.info({ node_id: '_local', metric: ['settings'] });
  await client.close();
  const node = Object.values(info.nodes)[0];
  const home = (node?.settings as { path?: { home?: string } } | undefined)?.path?.home;
  if (node === undefined || home === undefined) throw new Error('the test node does not report path.home');
  esVersion = node.version;
  esHome = await mkdtemp(path.join(tmpdir(), 'pressmon-es-home-'));
  await symlink(path.join(home, 'lib'), path.join(esHome, 'lib'));
  await mkdir(path.join(esHome, 'plugins'));
  jdkHome = (await findJdk()).home;
});

afterAll(async () => {
  await rm(esHome, { recursive: true, force: true });
});

describe('ensureAnalysisPlugin', () => {
  it('builds and installs the plugin with its descriptor and bundled jars', async () => {
    await ensureAnalysisPlugin({ esHome, esVersion, jdkHome, cacheDir, logger });
    const pluginDir = path.join(esHome, 'plugins', ANALYSIS_PLUGIN_NAME);
    const files = await readdir(pluginDir);
    expect(files).toContain(`${ANALYSIS_PLUGIN_NAME}.jar`);
    const luceneVersion = (await readdir(path.join(esHome, 'lib')))
      .find((file) => file.startsWith('lucene-core-'))
      ?.replace(/^lucene-core-|\.jar$/g, '');
    for (const dep of pluginDependencies(luceneVersion ?? '')) expect(files).toContain(artifactJarName(dep));
    const descriptor = await readFile(path.join(pluginDir, 'plugin-descriptor.properties'), 'utf8');
    expect(descriptor).toContain(`elasticsearch.version=${esVersion}\n`);
  });

  it('leaves an up-to-date plugin alone', async () => {
    const jar = path.join(esHome, 'plugins', ANALYSIS_PLUGIN_NAME, `${ANALYSIS_PLUGIN_NAME}.jar`);
    const before = await stat(jar);
    await ensureAnalysisPlugin({ esHome, esVersion, jdkHome, cacheDir, logger });
    expect((await stat(jar)).mtimeMs).toBe(before.mtimeMs);
  });

  it('rebuilds when the installed stamp does not match', async () => {
    const pluginDir = path.join(esHome, 'plugins', ANALYSIS_PLUGIN_NAME);
    await writeFile(path.join(pluginDir, 'pressmon-build.json'), '{"stamp":"stale"}\n');
    await writeFile(path.join(pluginDir, 'leftover.txt'), 'from an older build\n');
    await ensureAnalysisPlugin({ esHome, esVersion, jdkHome, cacheDir, logger });
    const files = await readdir(pluginDir);
    expect(files).not.toContain('leftover.txt');
    expect(await readFile(path.join(pluginDir, 'pressmon-build.json'), 'utf8')).not.toContain('stale');
  });

  it('names the missing javac when the JDK home has none', async () => {
    await rm(path.join(esHome, 'plugins', ANALYSIS_PLUGIN_NAME), { recursive: true });
    const noJdk = path.join(esHome, 'no-jdk');
    const attempt = ensureAnalysisPlugin({ esHome, esVersion, jdkHome: noJdk, cacheDir, logger });
    await expect(attempt).rejects.toThrow(MissingPrerequisiteError);
    await expect(attempt).rejects.toThrow(/no-jdk\/bin\/javac not found/);
  });
});
